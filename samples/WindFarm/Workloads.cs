using AiSprint.Annotations;

namespace WindFarm;

/// <summary>
/// How `aisprint profile` (or `dotnet build -p:AiSprintProfileEnabled=true`) exercises the components: frames of
/// several sizes, each case described by its image side. Only the component's own call is measured (by its
/// generated wrapper), so making the frame inside the workload costs nothing in the profile.
/// </summary>
public static class Workloads
{
    private static readonly int[] Sides = [256, 128, 384, 512];

    [Workload("defect-segmenter")]
    public static IEnumerable<WorkloadCase> Segmentation()
    {
        foreach (var side in Sides)
        {
            var frame = Frame(side);
            yield return WorkloadCase.Run(() => Inspection.Segment(frame)).With("image_side", side);
        }
    }

    [Workload("blade-detector")]
    public static IEnumerable<WorkloadCase> Detection()
    {
        foreach (var side in Sides)
        {
            var frame = Frame(side);
            yield return WorkloadCase.Run(() => Inspection.DetectBlade(frame)).With("image_side", side);
        }
    }

    // The first case is the size the drones send (256), by the workload convention the demand is predicted for.
    private static Frame Frame(int side)
    {
        var random = new Random(side);
        var pixels = new float[side * side];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (float)random.NextDouble();
        return new Frame(0, pixels, side);
    }
}
