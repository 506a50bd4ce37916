using AiSprint.Annotations;

namespace WindFarm;

/// <summary>A camera frame: grey levels of a blade photograph.</summary>
public sealed record Frame(int Index, float[] Pixels, int Width);

/// <summary>A defect found on a blade: where, how large, which kind.</summary>
public sealed record Defect(int Frame, int X, int Y, int Area, string Kind);

/// <summary>
/// The five components of the inspection. The attributes are the whole deployment specification: the DAG
/// (successors with their probability and data size), the response-time constraints, the security needs and
/// the memory each component needs; dotnet build places them and writes the descriptors.
/// </summary>
public static class Inspection
{
    private const int Width = 256;

    [Component("capture")]
    [ExecTime]
    [ExpectedThroughput(0.25)]
    [DeviceConstraints(RamMb = 64)]
    [Successor("blade-detector", Probability = 0.9, DataSizeMb = 4.5)]
    public static Frame Capture(int index)
    {
        var random = new Random(index);
        var pixels = new float[Width * Width];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (float)random.NextDouble() * 0.2f + 0.4f;
        // A scratch on every third frame.
        if (index % 3 == 0) for (var x = 40; x < 90; x++) pixels[(100 + x / 10) * Width + x] = 1f;
        return new Frame(index, pixels, Width);
    }

    [Component("blade-detector")]
    [ExecTime]
    [DeviceConstraints(RamMb = 48)]
    [Successor("defect-segmenter", Probability = 1, DataSizeMb = 4.5)]
    public static Frame? DetectBlade(Frame frame)
    {
        var mean = frame.Pixels.Average();
        return mean > 0.3f ? frame : null;
    }

    [Component("defect-segmenter")]
    [ExecTime]
    [DeviceConstraints(RamMb = 96)]
    [Successor("defect-classifier", Probability = 1, DataSizeMb = 2.0)]
    public static IReadOnlyList<(int X, int Y)> Segment(Frame frame)
    {
        var bright = new List<(int, int)>();
        for (var y = 1; y < frame.Width - 1; y++)
        {
            for (var x = 1; x < frame.Width - 1; x++)
            {
                if (frame.Pixels[y * frame.Width + x] > 0.9f) bright.Add((x, y));
            }
        }
        return bright;
    }

    [Component("defect-classifier")]
    [ExecTime]
    [Security(SecurityRequirements.TrustedExecution)]
    [DeviceConstraints(RamMb = 64)]
    [GlobalExecTime("inspection", 3, TimeUnit.Seconds, "capture", "blade-detector", "defect-segmenter")]
    [Successor("report", Probability = 0.1, DataSizeMb = 0.1)]
    public static Defect? Classify(int frame, IReadOnlyList<(int X, int Y)> pixels)
    {
        if (pixels.Count == 0) return null;
        var kind = pixels.Count > 40 ? "crack" : "erosion";
        return new Defect(frame, pixels[0].X, pixels[0].Y, pixels.Count, kind);
    }

    [Component("report")]
    [ExecTime(2.5, TimeUnit.Seconds)]
    [DeviceConstraints(RamMb = 256)]
    public static string Report(Defect defect) =>
        $"frame {defect.Frame}: {defect.Kind} at ({defect.X}, {defect.Y}), {defect.Area} px";
}
