using System.Globalization;
using AiSprint.Model.Alternatives;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Placement.Alternatives;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Reporting;
using AiSprint.Placement.Search;

namespace AiSprint.Cli.Commands;

/// <summary>
/// <c>aisprint place</c> on an AI-SPRINT application with <c>alternative_components</c>: every deployment is converted
/// and placed, the objective picks one, and the output holds the chosen placement (solution.json,
/// production_deployment.yaml), report.txt with the deployments table and the Pareto front, and pareto.svg.
/// </summary>
internal static class AlternativesPlacement
{
    public const string ChartFile = ParetoChart.FileName;

    /// <summary>The exit code, or null when the application has no alternatives (the ordinary placement applies).</summary>
    public static int? TryRun(string input, string directory, AiSprintConversionOptions conversion, DeploymentObjective objective, SearchOptions options,
        TextWriter output, TextWriter error)
    {
        var loaded = AiSprintApplicationLoader.Load(input);
        if (loaded.Value is not { } located || located.Value.Dag.Alternatives.Count == 0) return null;
        DiagnosticPrinter.Print(loaded.Diagnostics, error);
        if (!loaded.Succeeded) return ExitCodes.InvalidInput;
        var app = located.Value;
        if (app.Performance is not { } performance)
        {
            var at = located.Map.Locate(ModelKeys.DagNode(app.Dag.Alternatives[0].Component));
            DiagnosticPrinter.Print([DiagnosticCatalog.MissingDeploymentMetric.At(at,
                $"the application has alternative_components but no {DeploymentsPerformanceYaml.Directory}/{DeploymentsPerformanceYaml.FileName}; expected the metric of each of its {app.Dag.Deployments().Count} deployments there")], error);
            return ExitCodes.InvalidInput;
        }
        var bag = new DiagnosticBag();
        var deployments = DeploymentsPerformanceMatch.ForApplication(located, bag);
        var candidates = new List<DeploymentCandidate>();
        foreach (var deployment in deployments)
        {
            var converted = AiSprintConverter.ToSystemDescription(located, conversion, deployment);
            // The files' own problems repeat in every deployment's conversion: report each once.
            foreach (var d in converted.Diagnostics.Where(d => !bag.Items.Contains(d))) bag.Add(d);
            if (converted.Value is { } convertedSystem) candidates.Add(new DeploymentCandidate(deployment, convertedSystem.Value, convertedSystem.Map));
        }
        DiagnosticPrinter.Print(bag.Items, error);
        if (bag.HasErrors || candidates.Count != deployments.Count) return ExitCodes.InvalidInput;

        var lambda = conversion.Lambda;
        var choice = ProgressDisplay.Run(error, "placing alternative deployments",
            progress => DeploymentSelector.Choose(candidates, performance.Metric, performance.Threshold, objective, lambda, options, progress));
        Directory.CreateDirectory(directory);
        var text = DeploymentChoiceReport.Format(choice);
        AtomicFile.WriteAllText(Path.Combine(directory, ChartFile), ParetoChart.RenderSvg(choice, $"{app.Dag.Name}: {performance.Metric.Name()} against minimum cost"));
        // A stale placement of an earlier, feasible run must not read as current.
        foreach (var stale in new[] { "solution.json", ProductionDeploymentYaml.FileName }.Select(f => Path.Combine(directory, f)).Where(File.Exists)) File.Delete(stale);
        if (choice.Chosen is not { } chosen)
        {
            AtomicFile.WriteAllText(Path.Combine(directory, "report.txt"), "No deployment has a feasible placement at or above the threshold.\n" + text);
            output.Write(text);
            return ExitCodes.Infeasible;
        }
        var best = chosen.Best!;
        var summary = SearchSummary.Format(chosen.Search!, options);
        text += $"\nPlacement of {chosen.Deployment.Name}:\n{summary}\n{PlacementReport.Format(best)}";
        var solution = SolutionMapping.ToSolution(best);
        var system = candidates.Single(c => c.Deployment == chosen.Deployment).System;
        var production = ProductionDeploymentBuilder.Build(solution, system, app);
        DiagnosticPrinter.Print(production.Diagnostics, error);
        Space4AiSolutionWriter.WriteFile(solution, Path.Combine(directory, "solution.json"));
        if (production.Value is { } descriptor) AtomicFile.WriteAllText(Path.Combine(directory, ProductionDeploymentYaml.FileName), ProductionDeploymentYaml.Write(descriptor));
        AtomicFile.WriteAllText(Path.Combine(directory, "report.txt"), text);
        output.Write(text);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chose {chosen.Deployment.Name} of {choice.Outcomes.Count} deployments; wrote {directory}"));
        return ExitCodes.Success;
    }
}
