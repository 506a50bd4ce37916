using AiSprint.Contract;
using AiSprint.Model;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;

namespace AiSprint.Supervision.Planning;

/// <summary>
/// Reads what <c>aisprint deploy</c> wrote into a build's <c>aisprint/</c> folder, or a version folder the supervisor
/// wrote: the SPACE4AI-D system (design/system_description.json), the placement (deployment/solution.json) and the
/// AI-SPRINT files production_deployment.yaml is built from (design/*.yaml).
/// </summary>
internal static class BuildFolder
{
    public const string DesignFolder = BuildFolderLayout.DesignFolder;
    public const string DeploymentFolder = BuildFolderLayout.DeploymentFolder;
    public const string SystemFile = BuildFolderLayout.SystemDescriptionFile;
    public const string SolutionFile = BuildFolderLayout.SolutionFile;

    /// <summary>The placement in force of a build folder, or the errors that prevent supervising it.</summary>
    public static LoadResult<PlacementInForce> Load(string buildDirectory)
    {
        var diagnostics = new List<Diagnostic>();
        var design = Path.Combine(buildDirectory, DesignFolder);
        var systemPath = Path.Combine(design, SystemFile);
        var solutionPath = Path.Combine(buildDirectory, DeploymentFolder, SolutionFile);
        foreach (var (path, why) in new[] { (systemPath, "the design aisprint deploy writes"), (solutionPath, "the placement aisprint deploy writes when one is feasible") })
        {
            if (!File.Exists(path))
            {
                diagnostics.Add(DiagnosticCatalog.FileNotReadable.At(SourceLocation.WholeFile(path),
                    $"the file is missing; expected {why} in the build's aisprint/ folder ({buildDirectory})"));
            }
        }
        if (diagnostics.Count > 0) return new(null, diagnostics);
        return Load(systemPath, solutionPath, ReadApplication(design, diagnostics), version: 1, diagnostics);
    }

    /// <summary>The placement in force stated by a system and a solution file.</summary>
    internal static LoadResult<PlacementInForce> Load(string systemPath, string solutionPath, AiSprintApplication? application, int version, List<Diagnostic> diagnostics)
    {
        var system = Space4AiSystemReader.Load(systemPath);
        diagnostics.AddRange(system.Diagnostics);
        var solution = Space4AiSolutionReader.Load(solutionPath);
        diagnostics.AddRange(solution.Diagnostics);
        if (system.Value is null || solution.Value is null || diagnostics.Any(d => d.IsError)) return new(null, diagnostics);
        var problem = PlacementProblemBuilder.Build(system.Value.Value, system.Value.Map, system.Value.Value.Lambda);
        diagnostics.AddRange(problem.Diagnostics.Where(d => d.IsError));
        if (problem.Value is null) return new(null, diagnostics);
        var decision = SolutionMapping.ToDecision(problem.Value, solution.Value.Value, solution.Value.Map);
        diagnostics.AddRange(decision.Diagnostics);
        if (decision.Value is null) return new(null, diagnostics);
        var evaluation = PlacementEvaluator.Evaluate(problem.Value, decision.Value);
        return new(new PlacementInForce(version, system.Value.Value, system.Value.Map, problem.Value, evaluation, solution.Value.Value, application), diagnostics);
    }

    /// <summary>
    /// The AI-SPRINT application the descriptor is written from. Optional: without it the supervisor still plans and
    /// writes solution.json, only not production_deployment.yaml (the reason is reported).
    /// </summary>
    internal static AiSprintApplication? ReadApplication(string design, List<Diagnostic> diagnostics)
    {
        var dagPath = Path.Combine(design, ApplicationDagYaml.FileName);
        var deploymentsPath = Path.Combine(design, CandidateDeploymentsYaml.FileName);
        var resourcesPath = Path.Combine(design, CandidateResourcesYaml.FileName);
        if (!File.Exists(dagPath) || !File.Exists(deploymentsPath) || !File.Exists(resourcesPath)) return null;
        var dag = ApplicationDagYaml.ReadFile(dagPath);
        var deployments = CandidateDeploymentsYaml.ReadFile(deploymentsPath);
        var resources = CandidateResourcesYaml.ReadFile(resourcesPath);
        diagnostics.AddRange(dag.Diagnostics.Concat(deployments.Diagnostics).Concat(resources.Diagnostics));
        if (dag.Value is null || deployments.Value is null || resources.Value is null) return null;
        var sizesPath = Path.Combine(design, ComponentDataSizesYaml.FileName);
        var sizes = File.Exists(sizesPath) ? ComponentDataSizesYaml.ReadFile(sizesPath).Value?.Value : null;
        return new AiSprintApplication(design, dag.Value.Value, deployments.Value.Value, resources.Value.Value) { DataSizes = sizes };
    }
}
