using AiSprint.Cli;

namespace AiSprint.Supervision.Tests.Live;

/// <summary>
/// The supervised app's build folder, made as the build makes it: <c>aisprint deploy</c> on the compiled app (its design
/// document is in the assembly's metadata) with the test's candidate resources and demands. Once per test run.
/// </summary>
internal static class DeployedBuild
{
    private static readonly Lazy<string> Folder = new(Deploy);

    /// <summary>A fresh copy of the build folder (each test writes its own versions next to it).</summary>
    public static string Copy()
    {
        var target = Path.Combine(Directory.CreateTempSubdirectory("aisprint-supervise-build-").FullName, "aisprint");
        foreach (var file in Directory.EnumerateFiles(Folder.Value, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(Folder.Value, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }

    public static string Inputs => Path.Combine(AppContext.BaseDirectory, "Inputs");

    private static string Deploy()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("aisprint-supervise-deploy-").FullName, "aisprint");
        using var text = new StringWriter();
        using var error = new StringWriter();
        var code = AisprintApp.Run(
            ["deploy", SupervisedAppPathAttribute.Current, "--resources", Path.Combine(Inputs, "candidate_resources.yaml"),
             "--demands", Path.Combine(Inputs, "demands.csv"), "-o", output, "--iterations", "500", "--ls-iterations", "50"],
            text, error);
        if (code != 0) throw new InvalidOperationException($"aisprint deploy failed ({code}): {error}");
        return output;
    }
}
