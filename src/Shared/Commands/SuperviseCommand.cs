using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using AiSprint.Supervision;
using AiSprint.Supervision.Execution;
using AiSprint.Supervision.Planning;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace AiSprint.Commands;

/// <summary>
/// <c>aisprint supervise</c>: the long-lived loop of a deployed application (docs/supervise.md). Polls Prometheus,
/// re-plans when the load, the times or the demands move for good, and writes each new placement as a version folder.
/// Ctrl-C (or SIGTERM) stops it between two steps; it exits 0 then.
/// </summary>
/// <remarks>
/// Shared source: the same options, defaults, messages and exit codes are compiled into the <c>aisprint</c> tool (as its
/// <c>supervise</c> command) and into the native <c>aisprint-supervise</c> host (as its root command), which runs for days
/// in a fraction of the JIT tool's memory (docs/supervise.md, "Footprint").
/// </remarks>
internal static class SuperviseCommand
{
    /// <summary>What the command does, for both hosts' help.</summary>
    public const string Description =
        "Supervise a deployed application: read its metrics from Prometheus, re-plan the placement when the load, the response\n" +
        "times or the service demands move for good, and write each new production_deployment.yaml under OUTPUT/vNNNN/ with\n" +
        "the reason and a diff. Runs until Ctrl-C (exit 0). Exit 1 when the build folder cannot be read.";

    /// <summary>The <c>supervise</c> subcommand of <c>aisprint</c>.</summary>
    public static Command Create(TextWriter output, TextWriter error) => Configure(new Command("supervise", Description), output, error);

    /// <summary>Adds the options and the action to <paramref name="command"/> (a subcommand, or a host's root command).</summary>
    public static TCommand Configure<TCommand>(TCommand command, TextWriter output, TextWriter error) where TCommand : Command
    {
        var build = new Option<string>("--build-dir") { Description = "The build's aisprint/ folder (design/system_description.json, deployment/solution.json, production_deployment.yaml).", Required = true };
        var prometheus = Address("--prometheus", "Prometheus' address, e.g. http://127.0.0.1:9090.");
        prometheus.Required = true;
        var poll = Duration("--poll-interval", "How often to poll (e.g. 30s, 1m).", "1m");
        var window = Duration("--window", "The range of every rate and mean (e.g. 5m).", "5m");
        var consecutive = new Option<int>("--consecutive") { Description = "N: polls a condition must hold in a row before it counts.", DefaultValueFactory = _ => 3 };
        var band = new Option<double>("--lambda-band") { Description = "Allowed deviation of the arrival rate from the planned Lambda, as a fraction.", DefaultValueFactory = _ => 0.25 };
        var tolerance = new Option<double>("--demand-tolerance") { Description = "Allowed deviation of a measured demand from the design's, as a fraction.", DefaultValueFactory = _ => 0.5 };
        var cooldown = Duration("--cooldown", "No re-plan within this long of the previous decision.", "15m");
        var penalty = new Option<double>("--migration-penalty") { Description = "Price of moving one component, as a fraction of the cost in force.", DefaultValueFactory = _ => 0.05 };
        var budget = Duration("--time-budget", "Wall-time budget of one re-plan's search.", "5s");
        var seed = new Option<int>("--seed") { Description = "The search's seed.", DefaultValueFactory = _ => 1 };
        var dryRun = new Option<bool>("--dry-run") { Description = "Decide and report; write nothing." };
        var webhook = Address("--webhook", "POST each decision (JSON) to this URL.");
        var outputDirectory = new Option<string?>("--output", "-o") { Description = "Where versions go (default: BUILD-DIR/../supervision)." };
        var metricsPort = new Option<int?>("--metrics-port") { Description = "Serve the supervisor's own metrics for Prometheus on 127.0.0.1:PORT/metrics." };
        var metricsHost = new Option<string>("--metrics-host") { Description = "The address --metrics-port listens on.", DefaultValueFactory = _ => "127.0.0.1" };
        foreach (var option in new Option[] { build, prometheus, poll, window, consecutive, band, tolerance, cooldown, penalty, budget, seed, dryRun, webhook, outputDirectory, metricsPort, metricsHost })
        {
            command.Options.Add(option);
        }
        command.SetAction(async (parse, cancellation) =>
        {
            var buildDirectory = parse.GetValue(build)!;
            var options = new SupervisorOptions
            {
                BuildDirectory = buildDirectory,
                Prometheus = parse.GetValue(prometheus)!,
                OutputDirectory = parse.GetValue(outputDirectory) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(buildDirectory).TrimEnd(Path.DirectorySeparatorChar))!, "supervision"),
                PollInterval = parse.GetValue(poll),
                Window = parse.GetValue(window),
                ConsecutiveWindows = parse.GetValue(consecutive),
                LambdaBand = parse.GetValue(band),
                DemandTolerance = parse.GetValue(tolerance),
                Cooldown = parse.GetValue(cooldown),
                MigrationPenalty = parse.GetValue(penalty),
                PlanningBudget = parse.GetValue(budget),
                Seed = parse.GetValue(seed),
                DryRun = parse.GetValue(dryRun),
                Webhook = parse.GetValue(webhook),
            };
            // An application with [Alternative] methods: the deployments deploy placed are the degraded fallback, ranked by their metric.
            var alternatives = new BuildFolderAlternatives(options.BuildDirectory);
            if (alternatives.MetricName is { } metric) options = options with { QualityMetric = metric };
            var opened = Supervisor.Open(options, alternatives);
            DiagnosticPrinter.Print(opened.Diagnostics, error);
            if (opened.Value is not { } supervisor) return ExitCodes.InvalidInput;
            using (supervisor)
            using (var exporter = parse.GetValue(metricsPort) is { } port ? Export(parse.GetValue(metricsHost)!, port) : null)
            {
                output.WriteLine($"supervising v{supervisor.InForce.Version:0000} (λ {supervisor.InForce.Lambda.ToString(CultureInfo.InvariantCulture)} req/s, cost {supervisor.InForce.Cost.ToString("0.####", CultureInfo.InvariantCulture)}) " +
                    $"through {options.Prometheus} every {options.PollInterval.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s; versions in {options.OutputDirectory}{(options.DryRun ? " (dry run: nothing is written)" : "")}");
                await supervisor.RunAsync(report =>
                {
                    output.WriteLine($"{report.At:HH:mm:ss} poll {report.Poll} [{SupervisorTelemetry.StateLabel(report.State)}] {report.Summary}");
                    if (supervisor.WebhookProblem is { } problem) error.WriteLine("warning: " + problem);
                }, cancellation);
                output.WriteLine("stopped");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static MeterProvider Export(string host, int port) => Sdk.CreateMeterProviderBuilder()
        .AddMeter(SupervisorTelemetry.Name)
        .AddPrometheusHttpListener(listener =>
        {
            listener.Host = host;
            listener.Port = port;
        })
        .Build();

    private static Option<Uri?> Address(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)) return uri;
            result.AddError($"{name}: '{text}' is not an http(s) address; expected e.g. http://127.0.0.1:9090");
            return null;
        },
    };

    private static Option<TimeSpan> Duration(string name, string description, string fallback) => new(name)
    {
        Description = description + $" Default {fallback}.",
        DefaultValueFactory = _ => ParseDuration(fallback)!.Value,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (ParseDuration(text) is { } value) return value;
            result.AddError($"{name}: '{text}' is not a duration; expected a positive number with ms, s, m or h (e.g. 30s, 5m)");
            return default;
        },
    };

    /// <summary>"500ms", "30s", "5m", "1h", a bare number of seconds, or a TimeSpan ("00:05:00"); positive.</summary>
    internal static TimeSpan? ParseDuration(string text)
    {
        text = text.Trim();
        (string Suffix, double Seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];
        foreach (var (suffix, seconds) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && (suffix != "s" || !text.EndsWith("ms", StringComparison.OrdinalIgnoreCase))
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                return n > 0 && double.IsFinite(n) ? TimeSpan.FromSeconds(n * seconds) : null;
            }
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var bare)) return bare > 0 && double.IsFinite(bare) ? TimeSpan.FromSeconds(bare) : null;
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero ? span : null;
    }
}
