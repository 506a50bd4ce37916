using System.Diagnostics;
using System.Text;

namespace AiSprint.Tests;

/// <summary>What a <c>dotnet</c> command printed (output and errors, interleaved as they came) and how it ended.</summary>
public sealed record BuildResult(int ExitCode, string Output, TimeSpan Elapsed)
{
    public override string ToString() => $"exit code {ExitCode} after {Elapsed.TotalSeconds:0.0} s\n{Output}";
}

/// <summary>
/// The dotnet CLI as a child process of a test or benchmark: a NuGet cache of its own when given one, no build node
/// left behind, and none of the calling build's MSBuild settings; bounded in time (killed with its children past it).
/// </summary>
public static class DotnetCli
{
    public static BuildResult Run(string workingDirectory, string? nugetPackages, IReadOnlyList<string> arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (nugetPackages is not null) start.Environment["NUGET_PACKAGES"] = nugetPackages;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment.Remove("MSBuildExtensionsPath");
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        var clock = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var limit = timeout ?? TimeSpan.FromMinutes(15);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (output) output.AppendLine($"(killed: dotnet {string.Join(' ', arguments)} did not finish within {limit.TotalMinutes:0} minutes)");
            return new BuildResult(-1, output.ToString(), clock.Elapsed);
        }
        process.WaitForExit();
        return new BuildResult(process.ExitCode, output.ToString(), clock.Elapsed);
    }

    /// <summary>Writes <c>nuget.config</c> in <paramref name="directory"/> listing <paramref name="feed"/> alone: nothing but the packed packages is used.</summary>
    public static string WriteFeedOnlyNuGetConfig(string directory, string key, string feed)
    {
        var path = Path.Combine(directory, "nuget.config");
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="{key}" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        return path;
    }
}
