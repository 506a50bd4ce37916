using AiSprint.Model.Units;
using AiSprint.Placement.Search;

namespace AiSprint.Deploy;

/// <summary>
/// What one deploy reads and where it writes: the inputs of the build's last step, as <c>aisprint deploy</c> and the
/// MSBuild targets pass them. Paths are files on disk; the pairs are <c>KEY=PATH</c> as on the command line, so every
/// caller reports a malformed pair the same way.
/// </summary>
/// <param name="Design">The design document: a compiled assembly (.dll/.exe) carrying it, or its JSON (aisprint design).</param>
/// <param name="Resources">The candidate resources (AI-SPRINT candidate_resources.yaml).</param>
/// <param name="Directory">The aisprint/ folder to write (<see cref="AiSprint.Contract.BuildFolderLayout"/>).</param>
public sealed record DeployRequest(string Design, string Resources, string Directory)
{
    /// <summary>Demands CSVs (component,resource,demand_ms[,cold_ms]); merged in the analyzers' order, a later file's row winning.</summary>
    public IReadOnlyList<string> Demands { get; init; } = [];

    /// <summary><c>COMPONENT=MANIFEST</c>: the partition manifest (aisprint partition) of a [Partitionable] component.</summary>
    public IReadOnlyList<string> Partitions { get; init; } = [];

    /// <summary><c>COMPONENT=MODEL.onnx</c>: the source model of a partitioned component, for per-layer demands.</summary>
    public IReadOnlyList<string> Onnx { get; init; } = [];

    /// <summary><c>RESOURCE=LAYERS.json</c>: a per-layer model (aisprint layers train) measured on a candidate resource.</summary>
    public IReadOnlyList<string> LayerModels { get; init; } = [];

    /// <summary>Measured exit-counts CSVs (component,exit,requests) whose probabilities replace the declared ones.</summary>
    public IReadOnlyList<string> ExitCounts { get; init; } = [];

    /// <summary>The arrival rate; null takes the entry component's [ExpectedThroughput].</summary>
    public RequestsPerSecond? Lambda { get; init; }

    /// <summary>The placement search's budget and seed.</summary>
    public SearchOptions Search { get; init; } = new();

    /// <summary>When no placement is feasible, also search for the relaxation and the largest feasible Lambda (slower).</summary>
    public bool Explain { get; init; } = true;

    /// <summary>The measured-vs-predicted summary of a profile (aisprint profile-report) to show beside the demands it gave.</summary>
    public string? MeasuredReport { get; init; }

    /// <summary>How many arrival rates report.html's cost-against-Lambda chart places at; 0 leaves the chart out.</summary>
    public int SweepPoints { get; init; } = 8;

    /// <summary>For an application with [Alternative] methods: the deployments_performance.yaml with each deployment's metric.</summary>
    public string? DeploymentsPerformance { get; init; }

    /// <summary>For an application with alternatives: choose the cheapest deployment meeting the metric threshold, not the highest metric.</summary>
    public bool CheapestAlternative { get; init; }
}
