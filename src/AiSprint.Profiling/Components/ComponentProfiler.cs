using AiSprint.Model.Diagnostics;
using AiSprint.Telemetry.Profiling;

namespace AiSprint.Profiling.Components;

/// <summary>
/// Profiles components the way OSCAR-P does, through the code the deployed application runs: one process of
/// the built application per core count, each running the components' workloads (warm-up, then repetitions)
/// with their generated timing wrappers as the only clock.
/// </summary>
public static class ComponentProfiler
{
    /// <summary>The progress of a campaign: which core count and component, how many runs of its workload are done.</summary>
    public sealed record Progress(int Cores, string Component, int Done, int Total, int CoreCountIndex, int CoreCounts);

    /// <summary>Runs the campaign. Cancelling stops the running process and returns what was completed, marked interrupted.</summary>
    /// <param name="scratchDirectory">Where the processes' record files go while they run; they are deleted afterwards.</param>
    public static ProfileResult Run(ProfileRequest request, string scratchDirectory, IProgress<Progress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        Directory.CreateDirectory(scratchDirectory);
        var measurements = new List<(int Cores, WorkloadMeasurement Measurement)>();
        var errors = new List<WorkloadError>();
        for (var index = 0; index < request.Cores.Count && !cancellationToken.IsCancellationRequested; index++)
        {
            var cores = request.Cores[index];
            var records = Path.Combine(scratchDirectory, $".profile-{Guid.NewGuid():N}.records");
            try
            {
                var at = index;
                var step = progress is null ? null : new SynchronousProgress<ProfiledProcess.Step>(s => progress.Report(new Progress(s.Cores, s.Component, s.Done, s.Total, at, request.Cores.Count)));
                foreach (var record in ProfiledProcess.Run(request, cores, records, step, cancellationToken))
                {
                    switch (record)
                    {
                        case WorkloadMeasurement m:
                            measurements.Add((cores, m));
                            break;
                        case WorkloadError e when !errors.Any(x => x.Code == e.Code && x.Component == e.Component && x.Workload == e.Workload):
                            // The same failure on every core count is one error.
                            errors.Add(e);
                            break;
                    }
                }
            }
            finally
            {
                File.Delete(records);
            }
        }

        return new ProfileResult(measurements, errors, cancellationToken.IsCancellationRequested);
    }

    private static void Validate(ProfileRequest request)
    {
        var available = ProcessorSet.Available().Count;
        if (request.Cores.Count == 0) throw new ProfilingException($"error {DiagnosticCatalog.ProfilingGridInvalid.Code}: no core count to profile at; expected a list such as 1,2");
        foreach (var cores in request.Cores)
        {
            if (cores < 1 || cores > available)
            {
                throw new ProfilingException($"error {DiagnosticCatalog.ProfilingGridInvalid.Code}: cannot profile on {cores} core(s); expected 1 to {available}, the processors this machine lets the profiler use");
            }
        }

        if (request.Cores.Distinct().Count() != request.Cores.Count) throw new ProfilingException($"error {DiagnosticCatalog.ProfilingGridInvalid.Code}: a core count is listed twice; expected each once");
        if (request.Repetitions < 1) throw new ProfilingException($"error {DiagnosticCatalog.ProfilingGridInvalid.Code}: {request.Repetitions} repetitions; expected at least 1");
        if (request.Warmup < 0) throw new ProfilingException($"error {DiagnosticCatalog.ProfilingGridInvalid.Code}: {request.Warmup} warm-up runs; expected 0 or more");
    }

    /// <summary>Reports on the reading thread: Progress&lt;T&gt; would post to the thread pool and could report after the run ended.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}

/// <summary>What a campaign measured: every kept-for-now repetition with its core count, the workloads' errors, and whether it was cut short.</summary>
public sealed record ProfileResult(IReadOnlyList<(int Cores, WorkloadMeasurement Measurement)> Measurements, IReadOnlyList<WorkloadError> Errors, bool Interrupted);
