using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Model.Validation;

namespace AiSprint.Model.Inputs;

/// <summary>
/// Tells what a file or directory is and validates it completely: parse errors, then the design
/// rules of <see cref="SystemValidator"/> where the input describes a system. The one entry point
/// behind <c>aisprint validate</c> and the build's input checks.
/// </summary>
public static class InputValidator
{
    /// <param name="path">A file or an AI-SPRINT application directory.</param>
    /// <param name="systemPath">For a solution: the system it places. By default the
    /// <c>system_description.json</c> beside the solution, if there is one.</param>
    public static InputReport Validate(string path, string? systemPath = null)
    {
        if (Directory.Exists(path)) return ValidateDirectory(path);
        if (!File.Exists(path))
        {
            return new InputReport(path, InputKind.Unknown, "not found",
                [DiagnosticCatalog.FileNotReadable.At(SourceLocation.WholeFile(path), "no such file or directory")]);
        }
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".json" => ValidateJson(path, systemPath),
            _ => Unsupported(path),
        };
    }

    private static InputReport ValidateDirectory(string path) => Unsupported(path);

    private static InputReport ValidateJson(string path, string? systemPath)
    {
        var diagnostics = new DiagnosticBag();
        var root = DocumentFile.LoadJson(path, diagnostics);
        if (root is null) return new InputReport(path, InputKind.Unknown, "unreadable JSON", diagnostics.Items);
        if (root.IsMapping && root.Member("components") is not null)
        {
            var solution = Space4AiSolutionReader.Read(root, path, diagnostics);
            var against = systemPath ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "system_description.json");
            if (solution.Value is { } placed && (systemPath is not null || File.Exists(against)))
            {
                var system = Space4AiSystemReader.Load(against);
                diagnostics.AddRange(system.Diagnostics.Where(d => d.IsError));
                if (system.Succeeded) diagnostics.AddRange(SolutionValidator.Validate(placed.Value, placed.Map, system.Value!.Value));
            }
            var s = solution.Value?.Value;
            var summary = s is null ? "SPACE4AI-D solution" :
                $"SPACE4AI-D solution ({s.Components.Count} components, {s.Components.Sum(c => c.Partitions.Count)} partitions placed{(s.TotalCost is { } cost ? $", cost {cost}" : "")})";
            return new InputReport(path, InputKind.Space4AiSolution, summary, diagnostics.Items);
        }
        if (root.IsMapping && Space4AiSystemReader.KnownKeys.Any(k => root.Member(k) is not null))
        {
            var result = Space4AiSystemReader.Read(root, path, diagnostics);
            if (result.Value is { } located) diagnostics.AddRange(SystemValidator.Validate(located.Value, located.Map));
            return new InputReport(path, InputKind.Space4AiSystem, result.Value is { } l ? Summarize(l.Value, "SPACE4AI-D system description") : "SPACE4AI-D system description", diagnostics.Items);
        }
        return Unsupported(path);
    }

    /// <summary>"5 components, 12 partitions in 9 deployments, 13 resources in 4 layers, 3 local and 3 global constraints".</summary>
    public static string Summarize(SystemDescription system, string kind)
    {
        var deployments = system.Components.Sum(c => c.Deployments.Count);
        var partitions = system.Components.Sum(c => c.AllPartitions.Count());
        var resources = system.Layers.Sum(l => l.Resources.Count);
        return $"{kind} ({system.Components.Count} components, {partitions} partitions in {deployments} deployments, " +
               $"{resources} resources in {system.Layers.Count} layers, {system.LocalConstraints.Count} local and {system.GlobalConstraints.Count} global constraints)";
    }

    private static InputReport Unsupported(string path) => new(path, InputKind.Unknown, "unsupported input",
        [DiagnosticCatalog.UnknownFormat.At(SourceLocation.WholeFile(path),
            "not a supported input; expected a SPACE4AI-D system or solution (.json), an AI-SPRINT YAML file or application directory, an aMLLibrary configuration (.ini) or dataset (.csv)")]);
}
