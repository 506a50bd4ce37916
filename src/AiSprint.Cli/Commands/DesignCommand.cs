using System.CommandLine;
using System.Diagnostics;
using AiSprint.Contract.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.Design;

namespace AiSprint.Cli.Commands;

/// <summary>
/// <c>aisprint design</c>: the design document of an annotated project or assembly — the same JSON the
/// generator embeds and the build reads, because it is read from the compiled assembly itself.
/// </summary>
internal static class DesignCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Argument<string>("input") { Description = "A project (.csproj, or a directory holding one), which is built first, or a compiled assembly (.dll/.exe)." };
        var outputPath = new Option<string?>("--output", "-o") { Description = "Write the JSON to this file instead of the console." };
        var configuration = new Option<string>("--configuration", "-c") { Description = "The build configuration for a project.", DefaultValueFactory = _ => "Debug" };
        var command = new Command("design",
            "Print the design document (schema aisprint-design/1: components, DAG, constraints, security, partitionable models)\n" +
            "of an annotated project or assembly. Exit code 0, 1 when the input has none or cannot be built.")
        {
            input, outputPath, configuration,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(input)!;
            var assembly = IsAssembly(path) ? path : Build(path, parse.GetValue(configuration)!, error);
            if (assembly is null) return ExitCodes.InvalidInput;
            string? json;
            try
            {
                json = DesignMetadataReader.ReadJson(assembly);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException)
            {
                error.WriteLine($"{assembly}: error AIS0001: {ex.Message}");
                return ExitCodes.InvalidInput;
            }
            if (json is null)
            {
                error.WriteLine($"{assembly}: warning AIS0053: the assembly has no AiSprint design document; expected a method with [Component] or [ExecTime] and the AiSprint generator");
                return ExitCodes.InvalidInput;
            }
            // The metadata's text, byte for byte, plus a final newline: what the build writes to design.json too.
            var text = json.EndsWith('\n') ? json : json + "\n";
            if (parse.GetValue(outputPath) is { } file) AtomicFile.WriteAllText(file, text);
            else output.Write(text);
            return ExitCodes.Success;
        });
        return command;
    }

    private static bool IsAssembly(string path) =>
        File.Exists(path) && (path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".exe", StringComparison.OrdinalIgnoreCase));

    /// <summary>Builds the project with the SDK and returns its output assembly (<c>-getProperty:TargetPath</c>).</summary>
    private static string? Build(string project, string configuration, TextWriter error)
    {
        if (!File.Exists(project) && !Directory.Exists(project))
        {
            error.WriteLine($"{project}: error AIS0001: no such project, directory or assembly");
            return null;
        }
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "build", project, "-c", configuration, "-nologo", "-getProperty:TargetPath" }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        if (process.ExitCode != 0 || stdout.Length == 0 || !File.Exists(stdout))
        {
            error.WriteLine($"{project}: error {RuleCatalog.ToolFailed.Id}: 'dotnet build' failed (exit code {process.ExitCode})");
            error.Write(stdout);
            error.Write(stderr.Result);
            return null;
        }
        return stdout;
    }
}
