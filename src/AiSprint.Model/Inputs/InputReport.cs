using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Inputs;

/// <summary>The kinds of input the SDK understands, as told from a file's name and content.</summary>
public enum InputKind
{
    /// <summary>Not a file the SDK recognises.</summary>
    Unknown,
    /// <summary>SPACE4AI-D's system_description.json.</summary>
    Space4AiSystem,
    /// <summary>A SPACE4AI-D solution JSON (Python or C++ layout).</summary>
    Space4AiSolution,
    /// <summary>The SPACE4AI-D Python tool's run settings JSON.</summary>
    Space4AiRunSettings,
    /// <summary>An AI-SPRINT application directory (with common_config/).</summary>
    AiSprintApplication,
    /// <summary>common_config/application_dag.yaml.</summary>
    AiSprintApplicationDag,
    /// <summary>common_config/candidate_deployments.yaml.</summary>
    AiSprintCandidateDeployments,
    /// <summary>common_config/candidate_resources.yaml.</summary>
    AiSprintCandidateResources,
    /// <summary>space4ai-d/SPACE4AI-D.yaml.</summary>
    AiSprintOptimizerSettings,
    /// <summary>space4ai-d/production_deployment.yaml.</summary>
    AiSprintProductionDeployment,
    /// <summary>oscarp/components_data_size.yaml.</summary>
    AiSprintComponentDataSizes,
    /// <summary>A SPACE4AI-D system written as YAML.</summary>
    AiSprintSystemYaml,
    /// <summary>An AI-SPRINT physical nodes file.</summary>
    AiSprintPhysicalNodes,
    /// <summary>An aMLLibrary campaign configuration (.ini).</summary>
    AmlConfiguration,
    /// <summary>An aMLLibrary dataset CSV.</summary>
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
    /// <summary>True when the kind was recognised and no diagnostic is an error.</summary>
    public bool IsValid => Kind != InputKind.Unknown && !Diagnostics.Any(d => d.IsError);
    /// <summary>The number of errors.</summary>
    public int ErrorCount => Diagnostics.Count(d => d.IsError);
    /// <summary>The number of warnings.</summary>
    public int WarningCount => Diagnostics.Count(d => !d.IsError);
}
