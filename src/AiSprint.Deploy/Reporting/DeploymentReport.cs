using AiSprint.Placement.Analysis;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;
using AiSprint.Profiling.Components;

namespace AiSprint.Deploy.Reporting;

/// <summary>Everything report.html shows of one deploy.</summary>
/// <param name="Title">The application's name.</param>
/// <param name="Placement">The placement found, or null when none is feasible.</param>
/// <param name="ReportText">report.txt as written, shown at the end for the details the page leaves out.</param>
/// <param name="Sweep">The placement at rates around the design's λ; empty when the sweep was not run.</param>
/// <param name="Measured">A profile's measured-vs-predicted comparisons, when the build profiled.</param>
/// <param name="PartitionDemands">Per-layer model predictions for partitions, when layer models were given.</param>
internal sealed record DeploymentReport(
    string Title,
    PlacementProblem Problem,
    PlacementEvaluation? Placement,
    string ReportText,
    IReadOnlyList<SweepPoint> Sweep,
    IReadOnlyList<MeasuredVersusPredicted.Comparison> Measured,
    IReadOnlyList<PartitionDemandSeries> PartitionDemands);
