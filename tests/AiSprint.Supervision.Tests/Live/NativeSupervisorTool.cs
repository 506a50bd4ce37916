using System.Runtime.InteropServices;

namespace AiSprint.Supervision.Tests.Live;

/// <summary>
/// Packs the native <c>aisprint-supervise</c> tool (src/AiSprint.Supervise) as a release does — the pointer package and
/// this machine's RID package, compiled ahead of time — into a folder feed, and installs it from there as a user does
/// (<c>dotnet tool install</c>, a nuget.config that lists only that feed, a NuGet cache of its own). Once per process.
/// </summary>
/// <remarks>
/// No restore and no build of the references: the solution's restore already holds this RID for the project
/// (its RuntimeIdentifiers), and the test run builds other projects at the same time. The native link uses clang, or
/// gcc where clang is missing (the ILCompiler's own fallback), so a machine with only the .NET SDK and gcc needs nothing
/// installed.
/// </remarks>
internal static class NativeSupervisorTool
{
    private static readonly Lazy<Task<string>> Installed = new(() => Task.Run(() => Install(
        SuperviseProjectAttribute.Current.Project, SuperviseProjectAttribute.Current.Configuration)));

    /// <summary>The installed command (a symbolic link into the tool store, as on a user's PATH).</summary>
    public static Task<string> ExecutableAsync() => Installed.Value;

    /// <summary>Packs <paramref name="project"/> in <paramref name="configuration"/> and installs it; returns the command's path.</summary>
    public static string Install(string project, string configuration)
    {
        var root = Directory.CreateTempSubdirectory("aisprint-supervise-tool-").FullName;
        var feed = Path.Combine(root, "feed");
        var rid = RuntimeInformation.RuntimeIdentifier;
        // The pointer package names the RID packages; the RID package holds the native executable.
        Dotnet(root, isolated: false, "pack", project, "--no-restore", "--no-build", "-c", configuration, "-o", feed);
        Dotnet(root, isolated: false, "pack", project, "--no-restore", "-p:BuildProjectReferences=false", "-c", configuration, "-r", rid, "-o", feed);
        var nugetConfig = DotnetCli.WriteFeedOnlyNuGetConfig(root, "aisprint-supervise", feed);
        var tools = Path.Combine(root, "tools");
        Dotnet(root, isolated: true, "tool", "install", "AiSprint.Supervise", "--tool-path", tools, "--configfile", nugetConfig);
        return Path.Combine(tools, "aisprint-supervise");
    }

    /// <param name="isolated">A NuGet cache of its own (the install); the packs read the repository's, which its restore filled.</param>
    private static void Dotnet(string root, bool isolated, params string[] arguments)
    {
        var result = DotnetCli.Run(root, isolated ? Path.Combine(root, "packages") : null, arguments, TimeSpan.FromMinutes(8));
        if (result.ExitCode != 0) throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed: {result}");
    }
}

/// <summary>Where src/AiSprint.Supervise is and the configuration the test run built it in.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class SuperviseProjectAttribute(string project, string configuration) : Attribute
{
    public string Project { get; } = Path.GetFullPath(project);

    public string Configuration { get; } = configuration;

    public static SuperviseProjectAttribute Current => typeof(SuperviseProjectAttribute).Assembly.GetCustomAttributes(typeof(SuperviseProjectAttribute), false).Cast<SuperviseProjectAttribute>().Single();
}
