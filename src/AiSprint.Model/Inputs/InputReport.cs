using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Inputs;

/// <summary>The kinds of input the SDK understands, as told from a file's name and content.</summary>
public enum InputKind
{
    Unknown,
    Space4AiSystem,
    Space4AiSolution,
    Space4AiRunSettings,
    AiSprintApplication,
    AiSprintApplicationDag,
    AiSprintCandidateDeployments,
    AiSprintCandidateResources,
    AiSprintOptimizerSettings,
    AiSprintProductionDeployment,
    AiSprintComponentDataSizes,
    AiSprintSystemYaml,
    AiSprintPhysicalNodes,
    AmlConfiguration,
    AmlDataset,
    /// <summary>The compiled design document (aisprint-design/1), as the build writes it to design.json.</summary>
    DesignDocument,
    /// <summary>A demands CSV (component,resource,demand_ms[,cold_ms]).</summary>
    Demands,
    /// <summary>What the build writes besides the design inputs: parsed, not interpreted.</summary>
    BuildOutput,
    /// <summary>space4ai-r/deployments_performance.yaml: the application metric per deployment of alternatives.</summary>
    AiSprintDeploymentsPerformance,
}

/// <summary>What validating one input found: its kind, a one-line summary and every diagnostic.</summary>
public sealed record InputReport(string Path, InputKind Kind, string Summary, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool IsValid => Kind != InputKind.Unknown && !Diagnostics.Any(d => d.IsError);
    public int ErrorCount => Diagnostics.Count(d => d.IsError);
    public int WarningCount => Diagnostics.Count(d => !d.IsError);
}
