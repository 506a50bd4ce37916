using System.Globalization;
using System.Text.Json;

namespace AiSprint.Profiling.Layers.Measurement;

/// <summary>One executed kernel in an ONNX Runtime profiling trace: the runtime node's name, its operator, its duration.</summary>
public sealed record KernelEvent(string NodeName, string Op, string Provider, double DurationMicroseconds);

/// <summary>
/// ONNX Runtime's session profiling trace (Chrome trace-event JSON: an array of events). Every node execution is a
/// "Node" event named <c>&lt;node&gt;_kernel_time</c> with the operator in <c>args.op_name</c> and the duration in µs in
/// <c>dur</c>; each <c>Run</c> is a "Session" event named <c>model_run</c>. Fence events around kernels are skipped.
/// </summary>
public sealed class ProfileTrace
{
    private const string KernelSuffix = "_kernel_time";

    private ProfileTrace(IReadOnlyList<IReadOnlyList<KernelEvent>> runs, IReadOnlyList<double> runMicroseconds)
    {
        Runs = runs;
        RunMicroseconds = runMicroseconds;
    }

    /// <summary>The kernels of each <c>Run</c> in execution order.</summary>
    public IReadOnlyList<IReadOnlyList<KernelEvent>> Runs { get; }

    /// <summary>The duration of each <c>model_run</c> event.</summary>
    public IReadOnlyList<double> RunMicroseconds { get; }

    /// <exception cref="InvalidDataException">The file is not an ONNX Runtime trace.</exception>
    public static ProfileTrace Load(string path)
    {
        using var stream = File.OpenRead(path);
        try
        {
            using var document = JsonDocument.Parse(stream);
            return Parse(document.RootElement, path);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a JSON profiling trace ({e.Message})", e);
        }
    }

    /// <summary>Reads the events of an ONNX Runtime profiling trace already parsed as JSON; <paramref name="origin"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The JSON is not a profiling trace.</exception>
    public static ProfileTrace Parse(JsonElement root, string origin = "<trace>")
    {
        if (root.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{origin}: an ONNX Runtime trace is a JSON array of events");
        var runs = new List<IReadOnlyList<KernelEvent>>();
        var runTimes = new List<double>();
        // Kernels belong to the model_run whose [ts, ts + dur] holds them; the run event is written after its kernels.
        var kernels = new List<(double Start, KernelEvent Event)>();
        var runWindows = new List<(double Start, double End)>();
        foreach (var e in root.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("cat", out var cat) || !e.TryGetProperty("name", out var nameElement)) continue;
            var name = nameElement.GetString() ?? "";
            var start = Number(e, "ts");
            var duration = Number(e, "dur");
            if (cat.GetString() == "Session" && name == "model_run")
            {
                runWindows.Add((start, start + duration));
                runTimes.Add(duration);
            }
            else if (cat.GetString() == "Node" && name.EndsWith(KernelSuffix, StringComparison.Ordinal))
            {
                var args = e.TryGetProperty("args", out var a) ? a : default;
                string Arg(string key) => args.ValueKind == JsonValueKind.Object && args.TryGetProperty(key, out var v) ? v.GetString() ?? "" : "";
                kernels.Add((start, new KernelEvent(name[..^KernelSuffix.Length], Arg("op_name"), Arg("provider"), duration)));
            }
        }
        if (runWindows.Count == 0 && kernels.Count > 0) throw new InvalidDataException($"{origin}: kernel events but no model_run event");
        var order = runWindows.Select((w, i) => (w, i)).OrderBy(x => x.w.Start).ToArray();
        var perRun = order.Select(_ => new List<KernelEvent>()).ToArray();
        foreach (var (start, kernel) in kernels.OrderBy(k => k.Start))
        {
            var index = Array.FindLastIndex(order, x => x.w.Start <= start);
            if (index >= 0 && start <= order[index].w.End) perRun[index].Add(kernel);
        }
        runs.AddRange(perRun);
        return new ProfileTrace(runs, order.Select(x => runTimes[x.i]).ToArray());
    }

    private static double Number(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) ? v.ValueKind switch
        {
            JsonValueKind.Number => v.GetDouble(),
            JsonValueKind.String => double.Parse(v.GetString()!, CultureInfo.InvariantCulture),
            _ => 0,
        } : 0;
}
