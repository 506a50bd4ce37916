using AiSprint.Model;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Units;
using AiSprint.Placement.Problem;
using AiSprint.Placement.Reporting;
using AiSprint.Placement.Search;

namespace AiSprint.Placement.Tests.Search;

public class TrustedExecutionPlacementTests
{
    /// <summary>The wind-farm sample with a demand on every candidate (the sample itself has none yet).</summary>
    internal static SystemDescription SampleWithDemands()
    {
        var app = AiSprintApplicationLoader.Load(Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, "samples", "WindFarm", "aisprint")).GetValueOrThrow();
        var system = AiSprintConverter.ToSystemDescription(app, new AiSprintConversionOptions { Lambda = new RequestsPerSecond(0.2) }).GetValueOrThrow().Value;
        PerformanceModel Demand(string resource) => system.FindResource(resource)!.Kind == ResourceKind.Faas
            ? new FaasDemand(FaasDemand.Pacsltk, new Seconds(0.3), new Seconds(0.9))
            : new QueueingDemand(QueueingDemand.Edge, new Seconds(0.05));
        return system with
        {
            Components = system.Components.Select(c => c with
            {
                Deployments = c.Deployments.Select(d => d with
                {
                    Partitions = d.Partitions.Select(p => p with { Candidates = p.Candidates.Select(x => x with { Performance = Demand(x.Resource) }).ToValueList() }).ToValueList(),
                }).ToValueList(),
            }).ToValueList(),
        };
    }

    [Fact]
    public void A_trusted_partition_runs_only_where_sgx_or_secure_and_measured_boot_admits_it_and_the_report_says_which()
    {
        var system = SampleWithDemands();
        var problem = PlacementProblemBuilder.Build(system, new AiSprint.Model.Formats.SourceMap("sample")).GetValueOrThrow();
        var classifier = problem.Components.Single(c => c.Name == "defect-classifier");
        // Lambda128 (FaaS) is a declared candidate of the classifier but cannot give trusted execution.
        Assert.All(classifier.Deployments.SelectMany(d => d.Partitions).SelectMany(p => p.Candidates), c => Assert.False(problem.Resources[c.Resource].IsFaas));

        var result = PlacementSearch.Run(problem, new SearchOptions { Method = SearchMethod.LocalSearch, RandomGreedyIterations = 2000, LocalSearchIterations = 200 });
        Assert.True(result.Found);
        var report = PlacementReport.Format(result.Best!);
        Assert.Matches(@"h1\s+VM(Small|Large) ×\d+ \(trusted: (SGX|secure \+ measured boot)\)", report);
    }
}
