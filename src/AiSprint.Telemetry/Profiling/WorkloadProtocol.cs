using System.Globalization;
using System.Text;

namespace AiSprint.Telemetry.Profiling;

/// <summary>
/// What <c>aisprint profile</c> and the profiled process agree on: the environment variables of a profiling
/// request and the line format of the records the process appends to its output file (one flushed line per
/// measurement, so a run cut short by Ctrl-C keeps every completed measurement and at most loses a torn last line).
/// </summary>
public static class WorkloadProtocol
{
    /// <summary>The records file the profiled process appends to; its presence is what turns a start into a profiling run.</summary>
    public const string OutputVariable = "AISPRINT_PROFILE_OUTPUT";

    /// <summary>The simple name of the application assembly whose workloads to run.</summary>
    public const string AssemblyVariable = "AISPRINT_PROFILE_ASSEMBLY";

    /// <summary>
    /// The full path of a class library whose workloads to run, instead of <see cref="AssemblyVariable"/>: the process
    /// is then an empty host, and the library and its dependencies load from the library's own folder.
    /// </summary>
    public const string LibraryVariable = "AISPRINT_PROFILE_LIBRARY";

    /// <summary>Comma-separated component names to profile; empty or unset profiles every component with a workload.</summary>
    public const string ComponentsVariable = "AISPRINT_PROFILE_COMPONENTS";

    /// <summary>Measured repetitions per case.</summary>
    public const string RepetitionsVariable = "AISPRINT_PROFILE_REPETITIONS";

    /// <summary>Discarded warm-up runs per case, before the measured ones.</summary>
    public const string WarmupVariable = "AISPRINT_PROFILE_WARMUP";

    /// <summary>
    /// The number of cores the process is restricted to. Workloads read it through <see cref="Environment.ProcessorCount"/>
    /// (the profiler also sets <c>DOTNET_PROCESSOR_COUNT</c>) to size ONNX Runtime's intra-op thread pool.
    /// </summary>
    public const string CoresVariable = "AISPRINT_PROFILE_CORES";

    /// <summary>The prefix of the progress lines the process writes to its standard output.</summary>
    public const string ProgressPrefix = "aisprint-progress";

    internal const char Separator = '\t';

    /// <summary>A measurement: one timed repetition of one case.</summary>
    public static string MeasurementLine(string component, string workload, int caseIndex, int repetition, double milliseconds, IReadOnlyList<KeyValuePair<string, double>> features)
    {
        var text = new StringBuilder("m").Append(Separator).Append(Clean(component)).Append(Separator).Append(Clean(workload))
            .Append(Separator).Append(caseIndex.ToString(CultureInfo.InvariantCulture))
            .Append(Separator).Append(repetition.ToString(CultureInfo.InvariantCulture))
            .Append(Separator).Append(milliseconds.ToString("R", CultureInfo.InvariantCulture))
            .Append(Separator);
        for (var i = 0; i < features.Count; i++)
        {
            if (i > 0) text.Append(';');
            text.Append(features[i].Key).Append('=').Append(features[i].Value.ToString("R", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>An error that ended the run of a workload; <paramref name="code"/> is an AIS006x code of the diagnostic catalogue.</summary>
    public static string ErrorLine(string code, string component, string workload, string message) =>
        string.Join(Separator, "e", code, Clean(component), Clean(workload), Clean(message));

    /// <summary>Reads a record line: a measurement, an error, or <see langword="null"/> for a torn or foreign line.</summary>
    public static WorkloadRecord? Parse(string line)
    {
        var fields = line.Split(Separator);
        if (fields is ["m", var component, var workload, var caseText, var repetitionText, var msText, var featureText]
            && int.TryParse(caseText, NumberStyles.None, CultureInfo.InvariantCulture, out var caseIndex)
            && int.TryParse(repetitionText, NumberStyles.None, CultureInfo.InvariantCulture, out var repetition)
            && double.TryParse(msText, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
        {
            var features = new List<KeyValuePair<string, double>>();
            foreach (var pair in featureText.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                if (equals <= 0 || !double.TryParse(pair.AsSpan(equals + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return null;
                features.Add(new(pair[..equals], value));
            }

            return new WorkloadMeasurement(component, workload, caseIndex, repetition, milliseconds, features);
        }

        return fields is ["e", var code, var errorComponent, var errorWorkload, var message]
            ? new WorkloadError(code, errorComponent, errorWorkload, message)
            : null;
    }

    // Tabs and line breaks would split a record.
    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}

/// <summary>A line of a profiling records file.</summary>
public abstract record WorkloadRecord(string Component, string Workload);

/// <summary>One measured repetition of one case, in milliseconds as the component's wrapper recorded it.</summary>
public sealed record WorkloadMeasurement(string Component, string Workload, int Case, int Repetition, double Milliseconds, IReadOnlyList<KeyValuePair<string, double>> Features)
    : WorkloadRecord(Component, Workload);

/// <summary>A workload that could not be run: what went wrong, with its AIS006x code.</summary>
public sealed record WorkloadError(string Code, string Component, string Workload, string Message) : WorkloadRecord(Component, Workload);
