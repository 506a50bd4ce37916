using System.Collections.Concurrent;
using AiSprint.Cli;

namespace AiSprint.Supervision.Tests.Live;

/// <summary>
/// The supervised app's build folder, made as the build makes it: <c>aisprint deploy</c> on the compiled app (its design
/// document is in the assembly's metadata) with the test's candidate resources, demands and the deployments' metric
/// (the app has an [Alternative], so deploy also leaves each deployment's design for the degraded fallback). Once per
/// resources and demands file and test run.
/// </summary>
internal static class DeployedBuild
{
    public const string Resources = "candidate_resources.yaml";

    /// <summary>Fewer nodes: the original classify cannot keep up with the stepped rate, classify-small can.</summary>
    public const string ScarceResources = "scarce_resources.yaml";

    public const string Demands = "demands.csv";

    /// <summary>A light design on one VMSmall, with room for the demand test's slowdown (the file says why).</summary>
    public const string QueuedDemands = "demands_queued.csv";

    private static readonly ConcurrentDictionary<string, Lazy<string>> Folders = new(StringComparer.Ordinal);

    /// <summary>A fresh copy of the build folder (each test writes its own versions next to it).</summary>
    public static string Copy(string resources = Resources, string demands = Demands)
    {
        var folder = Folders.GetOrAdd(resources + "|" + demands, _ => new Lazy<string>(() => Deploy(resources, demands))).Value;
        var target = Path.Combine(Directory.CreateTempSubdirectory("aisprint-supervise-build-").FullName, "aisprint");
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(folder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }

    public static string Inputs => Path.Combine(AppContext.BaseDirectory, "Inputs");

    private static string Deploy(string resources, string demands)
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("aisprint-supervise-deploy-").FullName, "aisprint");
        using var text = new StringWriter();
        using var error = new StringWriter();
        var code = AisprintApp.Run(
            ["deploy", SupervisedAppPathAttribute.Current, "--resources", Path.Combine(Inputs, resources),
             "--demands", Path.Combine(Inputs, demands), "--deployments-performance", Path.Combine(Inputs, "deployments_performance.yaml"),
             "-o", output, "--iterations", "500", "--ls-iterations", "50"],
            text, error);
        if (code != 0) throw new InvalidOperationException($"aisprint deploy failed ({code}): {error}");
        return output;
    }
}
