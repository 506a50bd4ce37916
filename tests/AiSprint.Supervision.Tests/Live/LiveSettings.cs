namespace AiSprint.Supervision.Tests.Live;

/// <summary>
/// Seconds instead of minutes: Prometheus scrapes every second, the supervisor polls every 2 s over a 4 s window and
/// needs 2 polls in a row; the app is planned for 20 req/s and the band is ±40 % (a step to 60 req/s is far outside it;
/// the steady load's noise — Poisson, the generator's ±15 % per second, its bursts on a machine at load 40, and rate()
/// over four scrapes — reached ±34 % in single windows on the CI machine, never twice in a row beyond 40 %).
/// </summary>
internal static class LiveSettings
{
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Tests that measure service demands run alone, after the others (<see cref="AloneCollection"/>): with every live test
    /// at once on the two cores (each deploys, starts an app, a Prometheus and a load) the app's calls waited for a core
    /// long enough to read as two to three times their demand for two windows in a row.
    /// </summary>
    public const string Alone = "live demand measurements, alone";
    public const double PlannedRate = 20;
    public const double SteppedRate = 60;

    public static SupervisorOptions Options(string build, Uri prometheus) => new()
    {
        BuildDirectory = build,
        Prometheus = prometheus,
        OutputDirectory = Path.Combine(Path.GetDirectoryName(build)!, "supervision"),
        PollInterval = Poll,
        Window = TimeSpan.FromSeconds(4),
        ConsecutiveWindows = 2,
        LambdaBand = 0.4,
        Cooldown = TimeSpan.FromMinutes(1),
        PlanningBudget = TimeSpan.FromSeconds(1),
        QueryTimeout = TimeSpan.FromSeconds(2),
    };

    /// <summary>The arguments of <c>aisprint supervise</c> with the same settings.</summary>
    public static string[] Arguments(string build, Uri prometheus) =>
    [
        "supervise", "--build-dir", build, "--prometheus", prometheus.ToString(), "--poll-interval", "2s", "--window", "4s",
        "--consecutive", "2", "--lambda-band", "0.4", "--cooldown", "1m", "--time-budget", "1s",
        "-o", Path.Combine(Path.GetDirectoryName(build)!, "supervision"),
    ];

    /// <summary>Polls every <see cref="Poll"/> until <paramref name="done"/> says so or <paramref name="limit"/> polls ran.</summary>
    /// <remarks>A second supervisor (<paramref name="alongside"/>) may be polled right after each poll, its reports kept in <paramref name="alongsideReports"/>.</remarks>
    public static async Task<List<PollReport>> PollUntilAsync(Supervisor supervisor, Func<PollReport, bool> done, int limit, Supervisor? alongside = null, List<PollReport>? alongsideReports = null)
    {
        var reports = new List<PollReport>();
        for (var i = 0; i < limit; i++)
        {
            var report = await supervisor.PollAsync(CancellationToken.None);
            if (alongside is not null) alongsideReports!.Add(await alongside.PollAsync(CancellationToken.None));
            reports.Add(report);
            if (done(report)) break;
            await Task.Delay(Poll);
        }
        return reports;
    }
}

/// <summary>The collection of <see cref="LiveSettings.Alone"/>: run when no other test runs.</summary>
[CollectionDefinition(LiveSettings.Alone, DisableParallelization = true)]
public sealed class AloneCollection;
