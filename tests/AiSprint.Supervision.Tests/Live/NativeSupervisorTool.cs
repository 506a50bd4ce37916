using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

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
        File.WriteAllText(Path.Combine(root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="aisprint-supervise" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var tools = Path.Combine(root, "tools");
        Dotnet(root, isolated: true, "tool", "install", "AiSprint.Supervise", "--tool-path", tools, "--configfile", Path.Combine(root, "nuget.config"));
        return Path.Combine(tools, "aisprint-supervise");
    }

    /// <param name="isolated">A NuGet cache of its own (the install); the packs read the repository's, which its restore filled.</param>
    private static void Dotnet(string root, bool isolated, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = root };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (isolated) start.Environment["NUGET_PACKAGES"] = Path.Combine(root, "packages");
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("MSBuildExtensionsPath");
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within 8 minutes:\n{output}");
        }
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed (exit {process.ExitCode}):\n{output}");
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
