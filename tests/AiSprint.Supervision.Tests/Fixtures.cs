using AiSprint.Model.Units;
using AiSprint.Supervision.Monitoring;
using AiSprint.Supervision.Planning;
using AiSprint.Supervision.Tests.Live;

namespace AiSprint.Supervision.Tests;

/// <summary>The supervised app's real build folder (aisprint deploy), read as the supervisor reads it, and hand-built observations.</summary>
internal static class Fixtures
{
    /// <summary>The build's placement: ingest and classify on VMSmall ×2, planned for 20 req/s, cost 2.</summary>
    public static PlacementInForce InForce(Func<string, string>? editSystem = null)
    {
        var build = DeployedBuild.Copy();
        if (editSystem is not null)
        {
            var path = Path.Combine(build, BuildFolder.DesignFolder, BuildFolder.SystemFile);
            File.WriteAllText(path, editSystem(File.ReadAllText(path)));
        }
        var loaded = BuildFolder.Load(build);
        return loaded.Value ?? throw new InvalidOperationException(string.Join("\n", loaded.Diagnostics));
    }

    public static SupervisorOptions Options(PlacementInForce? _ = null) => new()
    {
        BuildDirectory = "unused",
        Prometheus = new Uri("http://127.0.0.1:9/"),
        OutputDirectory = "unused",
        ConsecutiveWindows = 2,
        LambdaBand = 0.3,
        PlanningBudget = TimeSpan.FromSeconds(2),
    };

    /// <summary>A window in which the entry saw <paramref name="rate"/> req/s and each component answered as given (ms).</summary>
    public static Observation Window(double rate, double ingestMs = 2.1, double classifyMs = 40.2, double calls = 60, params DriftState[] drifts) => new(
        DateTimeOffset.UnixEpoch,
        rate,
        [
            new ComponentMeasurement("classify", null, rate, calls, Seconds.FromMilliseconds(classifyMs)),
            new ComponentMeasurement("ingest", null, rate, calls, Seconds.FromMilliseconds(ingestMs)),
        ],
        [new PathMeasurement("request-path", rate, calls, Seconds.FromMilliseconds(ingestMs + classifyMs))],
        drifts);
}
