using System.Globalization;
using System.Text;
using System.Text.Json;
using AiSprint.Model;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Placement.Evaluation;
using AiSprint.Supervision.Analysis;
using AiSprint.Supervision.Execution;
using AiSprint.Supervision.Monitoring;
using AiSprint.Supervision.Planning;

namespace AiSprint.Supervision;

/// <summary>What one poll saw, concluded and decided.</summary>
public sealed record PollReport(long Poll, DateTimeOffset At, SupervisorState State, string Summary, Observation? Observation, Analysis.Analysis? Analysis, SupervisorDecision? Decision)
{
    /// <summary>From the poll's start to the decision written (or to the poll's end when nothing was decided).</summary>
    public TimeSpan Elapsed { get; init; }
}

/// <summary>
/// The door of the room: the supervision loop of a built application (monitor, analyse, plan, execute). Open it on a
/// build's <c>aisprint/</c> folder, then <see cref="RunAsync"/> until cancelled, or <see cref="PollAsync"/> step by step.
/// </summary>
public sealed class Supervisor : IDisposable
{
    private readonly SupervisorOptions _options;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TimeProvider _clock;
    private readonly MetricsMonitor _monitor;
    private readonly Analyser _analyser;
    private readonly Replanner _replanner;
    private readonly DeploymentVersions _versions;
    private readonly DecisionWebhook? _webhook;
    private string? _descriptor;
    private DateTimeOffset? _lastDecision;
    private long _poll;

    private Supervisor(SupervisorOptions options, PlacementInForce inForce, string? descriptor, IAlternativeDeploymentSource alternatives, HttpClient? http, TimeProvider clock)
    {
        _options = options;
        _http = http ?? new HttpClient();
        _ownsHttp = http is null;
        _clock = clock;
        InForce = inForce;
        _descriptor = descriptor;
        _monitor = new MetricsMonitor(new PrometheusClient(_http, options.Prometheus, options.QueryTimeout), options.Window, inForce.EntryComponents, clock);
        _analyser = new Analyser(options);
        _replanner = new Replanner(options, alternatives);
        _versions = new DeploymentVersions(options.OutputDirectory);
        _webhook = options.Webhook is { } hook ? new DecisionWebhook(_http, hook, options.QueryTimeout) : null;
        Telemetry.DesignLambda = inForce.Lambda;
        Telemetry.Cost = inForce.Cost;
        Telemetry.Version = inForce.Version;
    }

    /// <summary>The placement in force: the build's, or the latest re-plan.</summary>
    public PlacementInForce InForce { get; private set; }

    /// <summary>The supervisor's metrics and decision events, for a host to export.</summary>
    public SupervisorTelemetry Telemetry { get; } = new();

    /// <summary>The PromQL the monitor runs each poll.</summary>
    public IReadOnlyList<string> Queries => _monitor.Queries;

    /// <summary>
    /// Reads the build folder (or, when the output folder already holds versions, resumes from the latest) and, unless
    /// dry-running, writes v0001 (the build's placement) and the monitoring assets. Errors name the file.
    /// </summary>
    public static LoadResult<Supervisor> Open(SupervisorOptions options, IAlternativeDeploymentSource? alternatives = null, HttpClient? http = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var build = BuildFolder.Load(options.BuildDirectory);
        if (build.Value is null) return new(null, build.Diagnostics);
        var inForce = build.Value;
        var buildDescriptor = Path.Combine(options.BuildDirectory, BuildFolder.DeploymentFolder, ProductionDeploymentYaml.FileName);
        var descriptor = File.Exists(buildDescriptor) ? File.ReadAllText(buildDescriptor) : null;
        var versions = new DeploymentVersions(options.OutputDirectory);
        var latest = versions.Latest();
        if (latest > 0)
        {
            var folder = versions.PathOf(latest);
            var diagnostics = new List<Diagnostic>(build.Diagnostics);
            var resumed = BuildFolder.Load(Path.Combine(folder, BuildFolder.SystemFile), Path.Combine(folder, BuildFolder.SolutionFile), inForce.Application, latest, diagnostics);
            if (resumed.Value is null) return new(null, diagnostics);
            inForce = resumed.Value;
            var resumedDescriptor = Path.Combine(folder, ProductionDeploymentYaml.FileName);
            descriptor = File.Exists(resumedDescriptor) ? File.ReadAllText(resumedDescriptor) : null;
        }
        else if (!options.DryRun)
        {
            var files = new Dictionary<string, string>
            {
                [BuildFolder.SystemFile] = File.ReadAllText(Path.Combine(options.BuildDirectory, BuildFolder.DesignFolder, BuildFolder.SystemFile)),
                [BuildFolder.SolutionFile] = File.ReadAllText(Path.Combine(options.BuildDirectory, BuildFolder.DeploymentFolder, BuildFolder.SolutionFile)),
                ["reason.txt"] = $"The build's placement ({Path.GetFullPath(options.BuildDirectory)}), planned for {inForce.Lambda.ToString(CultureInfo.InvariantCulture)} req/s at cost {inForce.Cost.ToString("0.####", CultureInfo.InvariantCulture)}.\n",
            };
            if (descriptor is not null) files[ProductionDeploymentYaml.FileName] = descriptor;
            versions.Write(1, files);
        }
        if (!options.DryRun) MonitoringAssets.WriteTo(Path.Combine(options.OutputDirectory, MonitoringAssets.Folder));
        return new(new Supervisor(options, inForce, descriptor, alternatives ?? NoAlternatives.Instance, http, clock ?? TimeProvider.System), build.Diagnostics);
    }

    /// <summary>Polls every <see cref="SupervisorOptions.PollInterval"/> until cancelled; returns (without throwing) then.</summary>
    public async Task RunAsync(Action<PollReport>? report, CancellationToken cancellation)
    {
        using var timer = new PeriodicTimer(_options.PollInterval, _clock);
        try
        {
            do
            {
                PollReport result;
                try
                {
                    result = await PollAsync(cancellation).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException && !cancellation.IsCancellationRequested)
                {
                    // A long-lived process outlives one failed step (a full disk, a version folder someone created by
                    // hand): the placement in force is unchanged, the next poll tries again.
                    result = new PollReport(_poll, _clock.GetUtcNow(), Telemetry.State, $"poll failed: {ex.Message}; the placement in force is unchanged", null, null, null);
                }
                report?.Invoke(result);
            }
            while (await timer.WaitForNextTickAsync(cancellation).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Ctrl-C: a poll in flight is abandoned; nothing half-written remains (versions are renamed into place whole).
        }
    }

    /// <summary>One round of monitor, analyse, plan, execute.</summary>
    public async Task<PollReport> PollAsync(CancellationToken cancellation)
    {
        var started = _clock.GetTimestamp();
        var poll = ++_poll;
        var reading = await _monitor.ReadAsync(cancellation).ConfigureAwait(false);
        var now = _clock.GetUtcNow();
        Telemetry.Poll(reading.HasData);
        if (reading.Observation is not { } observation)
        {
            // A gap is not evidence: streaks start over once data returns, so a decision needs N fresh windows.
            _analyser.Reset();
            Telemetry.State = SupervisorState.NoData;
            Telemetry.ObservedLambda = double.NaN;
            return new PollReport(poll, now, SupervisorState.NoData, "no data: " + reading.NoDataReason + "; nothing decided", null, null, null) { Elapsed = _clock.GetElapsedTime(started) };
        }

        Telemetry.ObservedLambda = observation.ArrivalRate;
        var analysis = _analyser.Analyse(InForce, observation);
        var cooling = _lastDecision is { } last && now - last < _options.Cooldown;
        Telemetry.State = cooling ? SupervisorState.CoolingDown : SupervisorState.Watching;
        SupervisorDecision? decision = null;
        foreach (var drift in analysis.NewDrifts)
        {
            decision = await NotifyAsync(poll, now, observation, drift, cancellation).ConfigureAwait(false);
        }
        var summary = $"λ {observation.ArrivalRate.ToString("0.##", CultureInfo.InvariantCulture)} req/s (planned {InForce.Lambda.ToString("0.##", CultureInfo.InvariantCulture)})";
        if (analysis.CallsForReplan && cooling)
        {
            summary += $"; held: {string.Join("; ", analysis.Held.Select(f => f.Text))}; cooling down until {(_lastDecision!.Value + _options.Cooldown):HH:mm:ss}";
        }
        else if (analysis.CallsForReplan)
        {
            decision = await ReplanAsync(poll, now, observation, analysis, cancellation).ConfigureAwait(false);
            Telemetry.State = SupervisorState.CoolingDown;
        }
        summary += decision is null ? "; nothing to do" : "; " + decision.Describe();
        return new PollReport(poll, now, Telemetry.State, summary, observation, analysis, decision) { Elapsed = _clock.GetElapsedTime(started) };
    }

    private async Task<SupervisorDecision> ReplanAsync(long poll, DateTimeOffset now, Observation observation, Analysis.Analysis analysis, CancellationToken cancellation)
    {
        var held = analysis.Held.Where(f => f.CallsForReplan).ToList();
        var ratios = analysis.Demands
            .Where(d => held.Any(f => f.Kind == FindingKind.DemandOffDesign && f.Subject == d.Component) && double.IsFinite(d.Ratio) && d.Ratio > 0)
            .GroupBy(d => d.Component, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Ratio, StringComparer.Ordinal);
        var plan = _replanner.Plan(InForce, observation.ArrivalRate, ratios, cancellation);
        var before = InForce;
        _lastDecision = now;
        _analyser.Reset();

        var decision = new SupervisorDecision
        {
            At = now,
            Poll = poll,
            Kind = plan.Kind.ToString().ToLowerInvariant(),
            Reasons = [.. held.Select(f => f.Text)],
            ReasonCodes = [.. held.Select(f => f.Reason).Distinct()],
            DesignLambda = before.Lambda,
            ObservedLambda = observation.ArrivalRate,
            CostBefore = before.Cost,
            CostAfter = plan.Chosen?.TotalCost.Value,
            ComponentsMoved = plan.Moved,
            FromVersion = before.Version,
            Alternative = plan.Alternative,
            Explanation = plan.Explanation,
            DryRun = _options.DryRun,
        };
        if (plan.Chosen is { Decision: { } chosen } evaluation)
        {
            var version = before.Version + 1;
            var solution = SolutionMapping.ToSolution(evaluation);
            var application = plan.FallbackTo is { } alternative ? alternative.Application ?? before.Application : before.Application;
            var descriptor = application is null ? null : ProductionDeploymentBuilder.Build(solution, plan.System, application).Value is { } built ? ProductionDeploymentYaml.Write(built) : null;
            var changes = PlacementDiff.Lines(before.Problem, before.Decision, evaluation.Problem, chosen);
            decision = decision with { ToVersion = version, Changes = changes };
            if (!_options.DryRun)
            {
                var files = new Dictionary<string, string>
                {
                    [BuildFolder.SystemFile] = Space4AiSystemWriter.Write(plan.System),
                    [BuildFolder.SolutionFile] = Space4AiSolutionWriter.Write(solution),
                    ["diff.txt"] = DiffText(decision, _descriptor, descriptor),
                };
                if (descriptor is not null) files[ProductionDeploymentYaml.FileName] = descriptor;
                decision = decision with { Written = _versions.PathOf(version) };
                files["decision.json"] = JsonSerializer.Serialize(decision, DecisionJsonContext.Default.SupervisorDecision) + "\n";
                _versions.Write(version, files);
            }
            // A dry run carries on as if the plan had been applied: otherwise it would re-plan the same change every cool-down.
            InForce = new PlacementInForce(version, plan.System, plan.Map, evaluation.Problem, evaluation, solution, application);
            _descriptor = descriptor;
            Telemetry.DesignLambda = InForce.Lambda;
            Telemetry.Cost = InForce.Cost;
            Telemetry.Version = version;
        }
        Telemetry.Decided(decision);
        await PostAsync(decision, cancellation).ConfigureAwait(false);
        return decision;
    }

    private async Task<SupervisorDecision> NotifyAsync(long poll, DateTimeOffset now, Observation observation, Finding drift, CancellationToken cancellation)
    {
        var decision = new SupervisorDecision
        {
            At = now,
            Poll = poll,
            Kind = "notify",
            Reasons = [drift.Text],
            ReasonCodes = [drift.Reason],
            DesignLambda = InForce.Lambda,
            ObservedLambda = observation.ArrivalRate,
            CostBefore = InForce.Cost,
            CostAfter = InForce.Cost,
            FromVersion = InForce.Version,
            Explanation = "the placement does not depend on the metric; the model may need re-training (the detector's reference is refreshed after it)",
            DryRun = _options.DryRun,
        };
        Telemetry.Decided(decision);
        await PostAsync(decision, cancellation).ConfigureAwait(false);
        return decision;
    }

    /// <summary>Set when the last webhook POST failed: why.</summary>
    public string? WebhookProblem { get; private set; }

    private async Task PostAsync(SupervisorDecision decision, CancellationToken cancellation)
    {
        if (_webhook is not null) WebhookProblem = await _webhook.PostAsync(decision, cancellation).ConfigureAwait(false);
    }

    private static string DiffText(SupervisorDecision decision, string? before, string? after)
    {
        var text = new StringBuilder();
        text.AppendLine($"v{decision.FromVersion:0000} -> v{decision.ToVersion:0000}: {decision.Kind}");
        text.AppendLine("Why:");
        foreach (var reason in decision.Reasons) text.AppendLine("  " + reason);
        if (decision.Explanation is not null) text.AppendLine("Plan: " + decision.Explanation);
        text.AppendLine(CultureInfo.InvariantCulture, $"Cost: {decision.CostBefore:0.####} -> {decision.CostAfter:0.####}");
        text.AppendLine("Changes:");
        foreach (var change in decision.Changes.DefaultIfEmpty("none (same places, same replicas)")) text.AppendLine("  " + change);
        if (before is not null && after is not null)
        {
            text.AppendLine($"--- v{decision.FromVersion:0000}/{ProductionDeploymentYaml.FileName}");
            text.AppendLine($"+++ v{decision.ToVersion:0000}/{ProductionDeploymentYaml.FileName}");
            foreach (var line in LineDiff.Lines(before, after)) text.AppendLine(line);
        }
        else
        {
            text.AppendLine($"({ProductionDeploymentYaml.FileName} not written: the build folder has no design/*.yaml to build it from)");
        }
        return text.ToString();
    }

    /// <summary>Disposes the telemetry and the HTTP client the supervisor created (not one passed in); the versions written stay.</summary>
    public void Dispose()
    {
        Telemetry.Dispose();
        if (_ownsHttp) _http.Dispose();
    }
}
