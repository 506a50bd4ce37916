using System.CommandLine;
using AiSprint.Model;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Model.Inputs;
using AiSprint.Model.Validation;

namespace AiSprint.Cli.Commands;

/// <summary>
/// <c>aisprint convert</c>: AI-SPRINT application directory → SPACE4AI-D system JSON, system JSON →
/// AI-SPRINT YAML directory, and solution JSON → production_deployment.yaml. The input is
/// validated first; on any error nothing is written.
/// </summary>
internal static class ConvertCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Argument<string>("input") { Description = "An AI-SPRINT application directory, a SPACE4AI-D system JSON, or a SPACE4AI-D solution JSON." };
        var outputPath = new Option<string>("--output", "-o")
        {
            Description = "Where to write: system.json for an application directory, a directory for a system JSON, production_deployment.yaml for a solution.",
            Required = true,
        };
        var application = new ApplicationOptions();
        var app = new Option<string?>("--app") { Description = "For a solution: the AI-SPRINT application directory it places." };
        var system = new Option<string?>("--system") { Description = "For a solution: the SPACE4AI-D system JSON it places (when there is no application directory)." };
        var force = new Option<bool>("--force") { Description = "Write into a non-empty output directory, replacing the files of the same names." };
        var command = new Command("convert",
            "Convert between AI-SPRINT YAML and SPACE4AI-D JSON:\n" +
            "  aisprint convert APP_DIR -o system.json [--lambda 1.5] [--local c=20ms] [--global p1=a,b@30ms]\n" +
            "    (with alternative_components: the original deployment to system.json, each other to system.<deployment>.json)\n" +
            "  aisprint convert system.json -o APP_DIR\n" +
            "  aisprint convert solution.json --app APP_DIR -o production_deployment.yaml")
        {
            input, outputPath, application.Lambda, application.Local, application.Global, app, system, force,
        };
        command.SetAction(parse =>
        {
            var from = parse.GetValue(input)!;
            var to = parse.GetValue(outputPath)!;
            try
            {
                if (InputValidator.IsApplicationDirectory(from))
                {
                    var options = application.Parse(parse);
                    return ApplicationToSystem(from, to, options, output, error);
                }
                var kind = InputValidator.Validate(from).Kind;
                return kind switch
                {
                    InputKind.Space4AiSystem => SystemToApplication(from, to, parse.GetValue(force), output, error),
                    InputKind.Space4AiSolution => SolutionToProduction(from, to, parse.GetValue(app), parse.GetValue(system), output, error),
                    _ => Fail(error, $"{from}: cannot convert this input; expected an AI-SPRINT application directory (with common_config/), a SPACE4AI-D system JSON or a solution JSON"),
                };
            }
            catch (FormatException ex)
            {
                return Fail(error, ex.Message);
            }
        });
        return command;
    }

    private static int ApplicationToSystem(string directory, string target, AiSprintConversionOptions options, TextWriter output, TextWriter error)
    {
        if (AlternativesConversion.TryRun(directory, target, options, output, error) is { } code) return code;
        var loaded = AiSprintApplicationLoader.Load(directory);
        if (!Report(loaded.Diagnostics, error) || loaded.Value is null) return Fail(error, $"{directory}: not converted");
        var converted = AiSprintConverter.ToSystemDescription(loaded.Value, options);
        if (!Report(converted.Diagnostics, error) || converted.Value is null) return Fail(error, $"{directory}: not converted");
        if (!Report(SystemValidator.Validate(converted.Value.Value, converted.Value.Map), error)) return Fail(error, $"{directory}: not converted");
        Space4AiSystemWriter.WriteFile(converted.Value.Value, target);
        output.WriteLine($"wrote {target}: {InputValidator.Summarize(converted.Value.Value, "SPACE4AI-D system description")}");
        return ExitCodes.Success;
    }

    private static int SystemToApplication(string file, string directory, bool force, TextWriter output, TextWriter error)
    {
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any() && !force)
        {
            return Fail(error, $"{directory}: the directory is not empty; choose another or pass --force to replace the AI-SPRINT files in it");
        }
        var loaded = Space4AiSystemReader.Load(file);
        if (!Report(loaded.Diagnostics, error) || loaded.Value is null) return Fail(error, $"{file}: not converted");
        if (!Report(SystemValidator.Validate(loaded.Value.Value, loaded.Value.Map), error)) return Fail(error, $"{file}: not converted");
        var exported = AiSprintExporter.FromSystemDescription(loaded.Value.Value, directory, loaded.Value.Map);
        if (!Report(exported.Diagnostics, error) || exported.Value is null) return Fail(error, $"{file}: not converted");
        AiSprintExporter.WriteDirectory(exported.Value, directory);
        output.WriteLine($"wrote {directory}: AI-SPRINT application ({exported.Value.Dag.Components.Count} components, {exported.Value.Deployments.Entries.Count} component and partition entries)");
        return ExitCodes.Success;
    }

    private static int SolutionToProduction(string file, string target, string? appDirectory, string? systemFile, TextWriter output, TextWriter error)
    {
        if (appDirectory is null && systemFile is null) return Fail(error, $"{file}: a solution converts to production_deployment.yaml against its application; pass --app APP_DIR or --system system.json");
        var solution = Space4AiSolutionReader.Load(file);
        if (!Report(solution.Diagnostics, error) || solution.Value is null) return Fail(error, $"{file}: not converted");

        SystemDescription system;
        AiSprintApplication application;
        if (appDirectory is not null)
        {
            var loaded = AiSprintApplicationLoader.Load(appDirectory);
            if (!Report(loaded.Diagnostics, error) || loaded.Value is null) return Fail(error, $"{appDirectory}: not usable");
            var converted = AiSprintConverter.ToSystemDescription(loaded.Value, new AiSprintConversionOptions());
            if (!Report(converted.Diagnostics, error) || converted.Value is null) return Fail(error, $"{appDirectory}: not usable");
            (system, application) = (converted.Value.Value, loaded.Value.Value);
        }
        else
        {
            var loaded = Space4AiSystemReader.Load(systemFile!);
            if (!Report(loaded.Diagnostics, error) || loaded.Value is null) return Fail(error, $"{systemFile}: not usable");
            var exported = AiSprintExporter.FromSystemDescription(loaded.Value.Value, Path.GetDirectoryName(Path.GetFullPath(target))!, loaded.Value.Map);
            if (!Report(exported.Diagnostics.Where(d => d.IsError), error) || exported.Value is null) return Fail(error, $"{systemFile}: not usable");
            (system, application) = (loaded.Value.Value, exported.Value);
        }
        if (!Report(SolutionValidator.Validate(solution.Value.Value, solution.Value.Map, system), error)) return Fail(error, $"{file}: not converted");
        var production = ProductionDeploymentBuilder.Build(solution.Value.Value, system, application);
        if (!Report(production.Diagnostics, error) || production.Value is null) return Fail(error, $"{file}: not converted");
        AtomicFile.WriteAllText(target, ProductionDeploymentYaml.Write(production.Value));
        output.WriteLine($"wrote {target}: production deployment of {production.Value.Components.Count} components and partitions");
        return ExitCodes.Success;
    }

    /// <summary>Prints diagnostics; true when none is an error.</summary>
    private static bool Report(IEnumerable<Diagnostic> diagnostics, TextWriter error)
    {
        var list = diagnostics.ToList();
        DiagnosticPrinter.Print(list, error);
        return !list.Any(d => d.IsError);
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return ExitCodes.InvalidInput;
    }
}
