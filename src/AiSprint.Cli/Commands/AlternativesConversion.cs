using AiSprint.Model;
using AiSprint.Model.Alternatives;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Model.Inputs;
using AiSprint.Model.Validation;

namespace AiSprint.Cli.Commands;

/// <summary>
/// <c>aisprint convert APP_DIR -o system.json</c> on an application with <c>alternative_components</c>: every
/// deployment (each combination of implementations) becomes a SPACE4AI-D system description of its own, the original
/// at the requested path and each other one beside it as <c>system.&lt;deployment&gt;.json</c>, so SPACE4AI-D (which
/// optimises one system at a time) can place each. Names and dependency probabilities come from
/// deployments_performance.yaml when the application has it, else from the Studio's enumeration (deployment1..n).
/// Every deployment is converted and validated before anything is written.
/// </summary>
internal static class AlternativesConversion
{
    /// <summary>The exit code, or null when the application has no alternatives (the ordinary conversion applies).</summary>
    public static int? TryRun(string directory, string target, AiSprintConversionOptions options, TextWriter output, TextWriter error)
    {
        var loaded = AiSprintApplicationLoader.Load(directory);
        if (loaded.Value is not { } located || located.Value.Dag.Alternatives.Count == 0) return null;
        DiagnosticPrinter.Print(loaded.Diagnostics, error);
        if (!loaded.Succeeded) return Fail(error, directory);

        var bag = new DiagnosticBag();
        var deployments = DeploymentsPerformanceMatch.ForApplication(located, bag);
        var systems = new List<(AlternativeDeployment Deployment, SystemDescription System, string Path)>();
        foreach (var deployment in deployments)
        {
            var converted = AiSprintConverter.ToSystemDescription(located, options, deployment);
            // The files' own problems repeat in every deployment's conversion: report each once.
            foreach (var d in converted.Diagnostics.Concat(converted.Value is { } v ? SystemValidator.Validate(v.Value, v.Map) : []).Where(d => !bag.Items.Contains(d))) bag.Add(d);
            if (converted.Value is { } system) systems.Add((deployment, system.Value, PathOf(target, deployment)));
        }
        DiagnosticPrinter.Print(bag.Items, error);
        if (bag.HasErrors || systems.Count != deployments.Count) return Fail(error, directory);

        foreach (var (deployment, system, path) in systems)
        {
            Space4AiSystemWriter.WriteFile(system, path);
            var metric = deployment.Metric is { } m ? $", metric {m:0.####}" : "";
            output.WriteLine($"wrote {path}: {deployment.Name} ({deployment.Label}{metric}): {InputValidator.Summarize(system, "SPACE4AI-D system description")}");
        }
        return ExitCodes.Success;
    }

    /// <summary>The original at <paramref name="target"/>; <c>dir/system.json</c> → <c>dir/system.alternative_deployment1.json</c> for the others.</summary>
    public static string PathOf(string target, AlternativeDeployment deployment) =>
        deployment.IsOriginal
            ? target
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target))!, $"{Path.GetFileNameWithoutExtension(target)}.{deployment.Name}{Path.GetExtension(target)}");

    private static int Fail(TextWriter error, string directory)
    {
        error.WriteLine($"{directory}: not converted");
        return ExitCodes.InvalidInput;
    }
}
