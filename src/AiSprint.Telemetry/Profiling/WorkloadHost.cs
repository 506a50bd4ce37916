using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using AiSprint.Annotations;
using AiSprint.Contract.Diagnostics;

namespace AiSprint.Telemetry.Profiling;

/// <summary>
/// Runs an application's workloads (<see cref="WorkloadAttribute"/>) in the process being profiled: every case
/// warms up, then runs the measured repetitions, each timed by the component's generated wrapper and written
/// as a record at once. A workload that throws, returns no case or describes its cases inconsistently ends with
/// an error record naming the component and the method; the other workloads still run.
/// </summary>
public static partial class WorkloadHost
{
    /// <summary>Runs the workloads of <paramref name="application"/> that <paramref name="request"/> selects.</summary>
    /// <param name="records">Receives one line per measurement or error (see <see cref="WorkloadProtocol"/>); flushed per line.</param>
    /// <param name="progress">Receives the progress lines.</param>
    /// <returns>0 when every selected workload ran, 1 otherwise.</returns>
    public static int Run(Assembly application, WorkloadRequest request, TextWriter records, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(application);
        var workloads = Discover(application);
        var failed = false;
        foreach (var requested in request.Components.Where(c => workloads.All(w => w.Component != c)))
        {
            Write(records, WorkloadProtocol.ErrorLine(RuleIds.NoWorkload, requested, "", $"no [Workload(\"{requested}\")] method in {application.GetName().Name}; expected a static method returning IEnumerable<WorkloadCase>"));
            failed = true;
        }

        using var capture = new DurationCapture();
        foreach (var workload in workloads.Where(w => request.Components.Count == 0 || request.Components.Contains(w.Component)))
        {
            failed |= !RunWorkload(workload, request, capture, records, progress);
        }

        return failed ? 1 : 0;
    }

    private sealed record Workload(string Component, MethodInfo Method)
    {
        public string Name => $"{Method.DeclaringType?.FullName}.{Method.Name}";
    }

    private static List<Workload> Discover(Assembly application)
    {
        Type[] types;
        try
        {
            types = application.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            types = ex.Types.OfType<Type>().ToArray();
        }

        return types
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetCustomAttributes<WorkloadAttribute>().Select(a => new Workload(a.Component, m)))
            .OrderBy(w => w.Component, StringComparer.Ordinal).ThenBy(w => w.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static bool RunWorkload(Workload workload, WorkloadRequest request, DurationCapture capture, TextWriter records, TextWriter progress)
    {
        bool Fail(string code, string message)
        {
            Write(records, WorkloadProtocol.ErrorLine(code, workload.Component, workload.Name, message));
            return false;
        }

        if (workload.Method.GetParameters().Length != 0 || !typeof(IEnumerable<WorkloadCase>).IsAssignableFrom(workload.Method.ReturnType))
        {
            return Fail(RuleIds.WorkloadFailed, "a workload must be a static method without parameters returning IEnumerable<WorkloadCase>");
        }

        var cases = new List<WorkloadCase>();
        try
        {
            if (workload.Method.Invoke(null, null) is IEnumerable enumerable)
            {
                foreach (var item in enumerable)
                {
                    if (item is not WorkloadCase workloadCase) return Fail(RuleIds.WorkloadEmpty, $"case {cases.Count} is null; expected a WorkloadCase");
                    cases.Add(workloadCase);
                }
            }
        }
        catch (Exception ex)
        {
            return Fail(RuleIds.WorkloadFailed, $"the workload threw while yielding case {cases.Count}: {Unwrap(ex)}");
        }

        if (cases.Count == 0) return Fail(RuleIds.WorkloadEmpty, "the workload returned no case; expected at least one WorkloadCase");
        if (CheckFeatures(cases) is { } problem) return Fail(RuleIds.WorkloadInconsistent, problem);

        var total = cases.Count * (request.Warmup + request.Repetitions);
        var done = 0;
        Progress(progress, workload.Component, done, total);
        for (var index = 0; index < cases.Count; index++)
        {
            for (var run = -request.Warmup; run < request.Repetitions; run++)
            {
                capture.Begin(workload.Component);
                try
                {
                    cases[index].Invoke()?.GetAwaiter().GetResult();
                }
                catch (Exception ex)
                {
                    capture.End();
                    return Fail(RuleIds.WorkloadFailed, $"case {index} threw: {Unwrap(ex)}");
                }

                var (milliseconds, calls) = capture.End();
                if (calls == 0)
                {
                    return Fail(RuleIds.WorkloadUntimed, $"case {index} did not call the component through its timing wrapper; expected the case to call the [Component(\"{workload.Component}\")] method directly in its lambda");
                }

                // Warm-up runs are discarded here, so nothing downstream can mistake them for measurements.
                if (run >= 0) Write(records, WorkloadProtocol.MeasurementLine(workload.Component, workload.Name, index, run, milliseconds, cases[index].Features));
                Progress(progress, workload.Component, ++done, total);
            }
        }

        return true;
    }

    /// <summary>Every case must name the same features, each once, with dataset-column names and finite values.</summary>
    private static string? CheckFeatures(List<WorkloadCase> cases)
    {
        var first = cases[0].Features.Select(f => f.Key).ToArray();
        for (var index = 0; index < cases.Count; index++)
        {
            var names = cases[index].Features.Select(f => f.Key).ToArray();
            if (names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                return $"case {index} names the feature '{twice.Key}' twice; expected each feature once";
            }

            if (names.FirstOrDefault(n => !FeatureName().IsMatch(n)) is { } bad)
            {
                return $"case {index} has the feature name '{bad}'; expected letters, digits and '_', not starting with a digit";
            }

            if (cases[index].Features.FirstOrDefault(f => !double.IsFinite(f.Value)) is { Key: not null } infinite)
            {
                return $"case {index} gives the feature '{infinite.Key}' the value {infinite.Value}; expected a finite number";
            }

            if (first.Except(names, StringComparer.Ordinal).FirstOrDefault() is { } missing)
            {
                return $"case {index} misses the feature '{missing}' that case 0 has; expected every case to give the same features";
            }

            if (names.Except(first, StringComparer.Ordinal).FirstOrDefault() is { } extra)
            {
                return $"case 0 misses the feature '{extra}' that case {index} has; expected every case to give the same features";
            }
        }

        return null;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex FeatureName();

    private static string Unwrap(Exception ex) => ex switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        FileNotFoundException when ProfiledLibrary.Folder is { } folder =>
            $"{ex.GetType().Name}: {ex.Message.TrimEnd()} A class library is profiled from its folder ({folder}), where its package dependencies must be: aisprint profile PROJECT builds it so, or build it with -p:CopyLocalLockFileAssemblies=true.",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    private static void Write(TextWriter records, string line)
    {
        records.WriteLine(line);
        records.Flush();
    }

    private static void Progress(TextWriter progress, string component, int done, int total)
    {
        progress.WriteLine(string.Join(WorkloadProtocol.Separator, WorkloadProtocol.ProgressPrefix, component, done, total));
        progress.Flush();
    }
}
