using AiSprint.Contract;
using AiSprint.Model.Formats;

namespace AiSprint.Supervision.Execution;

/// <summary>
/// The Prometheus rule set and the Grafana dashboard of the supervisor and the application, shipped in the assembly and
/// written next to the versions (OUTPUT/monitoring/) so an operator can load them as they are.
/// </summary>
internal static class MonitoringAssets
{
    public const string Folder = BuildFolderLayout.MonitoringFolder;
    public const string RulesFile = "aisprint-supervisor.rules.yml";
    public const string DashboardFile = "aisprint-supervisor.dashboard.json";

    public static string Rules => Read(RulesFile);

    public static string Dashboard => Read(DashboardFile);

    public static void WriteTo(string directory)
    {
        AtomicFile.WriteAllText(Path.Combine(directory, RulesFile), Rules);
        AtomicFile.WriteAllText(Path.Combine(directory, DashboardFile), Dashboard);
    }

    private static string Read(string name)
    {
        using var stream = typeof(MonitoringAssets).Assembly.GetManifestResourceStream("AiSprint.Supervision.Dashboards." + name)
            ?? throw new InvalidOperationException($"the assembly lost its embedded {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
