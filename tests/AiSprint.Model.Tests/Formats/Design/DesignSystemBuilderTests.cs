using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Formats.Design;
using AiSprint.Model.Units;

namespace AiSprint.Model.Tests.Formats.Design;

public class DesignSystemBuilderTests
{
    private const string Demands = "demands.csv";

    private static DesignDocument WindFarm => DesignDocumentJson.Parse(DesignSamples.WindFarmJson, "design.json").GetValueOrThrow();

    private static Located<ResourceSystem> Resources => CandidateResourcesYaml.ReadFile(DesignSamples.WindFarmResources).GetValueOrThrow();

    private static DemandTable Table(string rows) => DemandTableCsv.Parse("component,resource,demand_ms,cold_ms\n" + rows, Demands).GetValueOrThrow();

    private static DemandTable WindFarmDemands => DemandTableCsv.Load(DesignSamples.WindFarmDemands).GetValueOrThrow();

    private static LoadResult<CompiledDesign> Build(DesignDocument design, DemandTable demands, RequestsPerSecond? lambda = null,
        IReadOnlyDictionary<string, IReadOnlyList<ModelPartitioning>>? partitionings = null) =>
        DesignSystemBuilder.Build(design, new DesignBuildInputs
        {
            Resources = Resources,
            Demands = demands,
            Lambda = lambda,
            Partitionings = partitionings ?? new Dictionary<string, IReadOnlyList<ModelPartitioning>>(),
        });

    private static DesignDocument Design(string json) => DesignDocumentJson.Parse(json, "design.json").GetValueOrThrow();

    [Fact]
    public void The_wind_farm_becomes_a_system_whose_candidates_are_the_resources_with_demands()
    {
        var built = Build(WindFarm, WindFarmDemands);
        Assert.True(built.Succeeded, string.Join("\n", built.Diagnostics));
        var (application, system, _) = built.Value!;

        Assert.Equal("WindFarm", application.Dag.Name);
        Assert.Equal(["blade-detector", "capture", "defect-classifier", "defect-segmenter", "report"], system.Components.Select(c => c.Name));
        Assert.Equal(new RequestsPerSecond(0.25), system.Lambda);
        Assert.Equal(new Hours(1), system.Time);

        var capture = system.FindComponent("capture")!;
        var partition = Assert.Single(Assert.Single(capture.Deployments).Partitions);
        Assert.Equal(["DroneBasic", "DroneTegra"], partition.Candidates.Select(c => c.Resource));
        Assert.Equal(new Megabytes(64), partition.Requirements!.Memory);
        Assert.Equal(["Workstation", "VMSmall", "VMLarge", "Lambda192"], system.FindComponent("defect-segmenter")!.AllPartitions.Single().Candidates.Select(c => c.Resource));

        // The same compatibility in the AI-SPRINT candidate deployments, with the layers the resources sit on.
        var entry = application.Deployments.Entries.Single(e => e.Name == "defect-segmenter");
        Assert.Equal(["Workstation", "VMSmall", "VMLarge", "Lambda192"], entry.Containers.Single().CandidateExecutionResources);
        Assert.Equal([2, 3, 4], entry.CandidateExecutionLayers);
        Assert.True(application.Deployments.Entries.Single(e => e.Name == "defect-classifier").Containers.Single().Requirements.TrustedExecution);
    }

    [Fact]
    public void Demands_are_queueing_on_edge_and_vm_layers_and_warm_cold_on_functions()
    {
        var system = Build(WindFarm, WindFarmDemands).GetValueOrThrow().System;
        var segmenter = system.FindComponent("defect-segmenter")!.AllPartitions.Single();
        Assert.Equal(new QueueingDemand(QueueingDemand.Edge, new Seconds(0.5)), segmenter.CandidateOn("Workstation")!.Performance);
        Assert.Equal(new QueueingDemand(QueueingDemand.Cloud, new Seconds(0.1125)), segmenter.CandidateOn("VMSmall")!.Performance);
        Assert.Equal(new FaasDemand(FaasDemand.PacsltkStatic, new Seconds(2.25), new Seconds(2.7)), segmenter.CandidateOn("Lambda192")!.Performance);
        Assert.Equal(new QueueingDemand(QueueingDemand.Edge, new Seconds(1.26)), system.FindComponent("capture")!.AllPartitions.Single().CandidateOn("DroneBasic")!.Performance);
    }

    [Fact]
    public void Constraints_are_converted_from_milliseconds_to_seconds()
    {
        var system = Build(WindFarm, WindFarmDemands).GetValueOrThrow().System;
        Assert.Equal(new LocalConstraint("report", new Seconds(2.5)), Assert.Single(system.LocalConstraints));
        var path = Assert.Single(system.GlobalConstraints);
        Assert.Equal(("inspection", new Seconds(3)), (path.Name, path.MaxResponseTime));
        Assert.Equal(["capture", "blade-detector", "defect-segmenter", "defect-classifier"], path.Path);
    }

    [Fact]
    public void The_lambda_override_wins_over_the_expected_throughput()
    {
        Assert.Equal(new RequestsPerSecond(0.1), Build(WindFarm, WindFarmDemands, new RequestsPerSecond(0.1)).GetValueOrThrow().System.Lambda);
    }

    [Fact]
    public void Several_entry_components_add_their_expected_throughputs()
    {
        var design = Design("""
            { "schema": "aisprint-design/1", "components": [
              { "name": "a", "expectedRequestsPerSecond": 0.5 }, { "name": "b", "expectedRequestsPerSecond": 0.25 }, { "name": "c", "expectedRequestsPerSecond": 9 } ],
              "dag": [ { "from": "a", "to": "c", "probability": 1 }, { "from": "b", "to": "c", "probability": 1 } ] }
            """);
        var built = Build(design, Table("a,VMSmall,10,\nb,VMSmall,10,\nc,VMLarge,10,\n"));
        Assert.True(built.Succeeded, string.Join("\n", built.Diagnostics));
        // c is called by a and b: its own [ExpectedThroughput] is not an arrival rate.
        Assert.Equal(new RequestsPerSecond(0.75), built.Value!.System.Lambda);
    }

    [Fact]
    public void Without_an_arrival_rate_the_entry_component_gets_AIS0004_at_its_source()
    {
        var design = WindFarm with { Components = [.. WindFarm.Components.Select(c => c with { ExpectedRequestsPerSecond = null })] };
        var built = Build(design, WindFarmDemands);
        Assert.Null(built.Value);
        var diagnostic = Assert.Single(built.Diagnostics);
        Assert.Equal(("AIS0004", new SourceLocation(DesignSamples.Source, 25, 25)), (diagnostic.Code, diagnostic.Location));
        Assert.Equal("no arrival rate: expected [ExpectedThroughput(requestsPerSecond)] on the entry component (capture) or the AiSprintLambda build property", diagnostic.Message);
        Assert.True(Build(design, WindFarmDemands, new RequestsPerSecond(0.25)).Succeeded);
    }

    [Fact]
    public void A_component_without_demands_is_AIS0017_at_its_annotation()
    {
        var demands = new DemandTable(WindFarmDemands.Entries.Where(e => e.Component != "defect-segmenter").ToValueList());
        var built = Build(WindFarm, demands);
        Assert.Null(built.Value);
        var diagnostic = Assert.Single(built.Diagnostics);
        Assert.Equal(("AIS0017", new SourceLocation(DesignSamples.Source, 49, 49)), (diagnostic.Code, diagnostic.Location));
        Assert.StartsWith("component defect-segmenter has no demand on any candidate resource, so it can run nowhere", diagnostic.Message);
    }

    [Fact]
    public void A_function_demand_without_cold_ms_is_AIS0017_at_its_row()
    {
        var design = Design("""{ "schema": "aisprint-design/1", "components": [ { "name": "report", "expectedRequestsPerSecond": 1 } ] }""");
        var built = Build(design, Table("report,VMSmall,100,\nreport,Lambda256,4000,\n"));
        Assert.Null(built.Value);
        var diagnostic = Assert.Single(built.Diagnostics, d => d.IsError);
        Assert.Equal(("AIS0017", new SourceLocation(Demands, 3, 1)), (diagnostic.Code, diagnostic.Location));
        Assert.Equal("Lambda256 is a FaaS configuration: the row needs cold_ms, the cold-start response time, besides demand_ms (the warm one)", diagnostic.Message);
    }

    [Fact]
    public void Demands_naming_an_unknown_component_or_resource_are_errors_at_their_rows_with_the_closest_name()
    {
        var built = Build(WindFarm, DemandTable.Merge([WindFarmDemands, Table("captur,VMSmall,10,\ncapture,VMSmal,10,\n")]));
        Assert.Null(built.Value);
        Assert.Equal(
            [("AIS0020", new SourceLocation(Demands, 2, 1)), ("AIS0011", new SourceLocation(Demands, 3, 1))],
            built.Diagnostics.Select(d => (d.Code, d.Location)));
        Assert.StartsWith("the demands name component 'captur', which no [Component] declares; expected one of blade-detector, capture, defect-classifier", built.Diagnostics[0].Message);
        Assert.StartsWith("the demands name resource 'VMSmal', which the candidate resources do not define (did you mean 'VMSmall'?); expected one of DroneBasic, DroneTegra, Laptop", built.Diagnostics[1].Message);
    }

    [Fact]
    public void A_partition_demand_is_the_component_demand_times_its_share_of_the_flops()
    {
        var design = Design("""
            { "schema": "aisprint-design/1", "components": [
              { "name": "detector", "location": { "file": "/src/D.cs", "line": 7, "column": 5 }, "expectedRequestsPerSecond": 0.5,
                "partitionable": { "onnxPath": "d.onnx", "maxPartitions": 2 }, "deviceConstraints": { "ramMb": 300, "vramMb": null, "useGpuFor": null } } ] }
            """);
        var partitionings = new Dictionary<string, IReadOnlyList<ModelPartitioning>>
        {
            ["detector"] = [new ModelPartitioning(ValueList.Of(new ModelPiece(new Megabytes(100), new Megabytes(2), 3e9), new ModelPiece(null, null, 1e9)))],
        };
        var built = Build(design, Table("detector,VMSmall,100,\ndetector,Lambda512,800,1000\n"), partitionings: partitionings);
        Assert.True(built.Succeeded, string.Join("\n", built.Diagnostics));
        var (application, system, _) = built.Value!;

        var component = system.FindComponent("detector")!;
        Assert.Equal(2, component.Deployments.Count);
        var whole = Assert.Single(component.Deployments[0].Partitions);
        Assert.Equal(new QueueingDemand(QueueingDemand.Cloud, new Seconds(0.1)), whole.CandidateOn("VMSmall")!.Performance);
        var (first, second) = (component.Deployments[1].Partitions[0], component.Deployments[1].Partitions[1]);
        Assert.Equal(0.075, ((QueueingDemand)first.CandidateOn("VMSmall")!.Performance!).Demand.Value, 12);
        Assert.Equal(0.025, ((QueueingDemand)second.CandidateOn("VMSmall")!.Performance!).Demand.Value, 12);
        var faas = (FaasDemand)second.CandidateOn("Lambda512")!.Performance!;
        Assert.Equal((0.2, 0.25), (Math.Round(faas.Warm.Value, 12), Math.Round(faas.Cold.Value, 12)));
        // The first piece needs its own memory; the second, which states none, the component's.
        Assert.Equal((new Megabytes(100), new Megabytes(300)), (first.Requirements!.Memory, second.Requirements!.Memory));

        Assert.Equal(["detector", "detector_partition1_1", "detector_partition1_2"], application.Deployments.Entries.Select(e => e.Name));
        Assert.Equal(new Megabytes(2), application.DataSizes!.Sizes.Single(s => s.Key == "detector_partition1_1").Value);
    }

    [Fact]
    public void A_per_layer_prediction_replaces_the_flop_share_and_a_zero_prediction_is_floored_as_a_flop_share_is()
    {
        var design = Design("""{ "schema": "aisprint-design/1", "components": [ { "name": "detector", "expectedRequestsPerSecond": 0.5 } ] }""");
        // The last piece is a pooling tail whose nodes the layer model clips to 0 ms.
        var partitionings = new Dictionary<string, IReadOnlyList<ModelPartitioning>>
        {
            ["detector"] = [new ModelPartitioning(ValueList.Of(
                new ModelPiece(null, null, 3e9) { LayerDemands = ValueList.Of(new PieceDemand("VMSmall", new Seconds(0.09), "vm.layers.json")) },
                new ModelPiece(null, null, 1e3) { LayerDemands = ValueList.Of(new PieceDemand("VMSmall", new Seconds(0), "vm.layers.json")) }))],
        };
        var system = Build(design, Table("detector,VMSmall,100,\n"), partitionings: partitionings).GetValueOrThrow().System;
        var pieces = system.FindComponent("detector")!.Deployments[1].Partitions.Select(p => ((QueueingDemand)p.CandidateOn("VMSmall")!.Performance!).Demand.Value).ToList();
        Assert.Equal(0.09, pieces[0], 12);
        Assert.Equal(0.1 * 1e-6, pieces[1], 15);
    }

    [Fact]
    public void Pieces_without_flop_counts_split_the_demand_evenly()
    {
        var design = Design("""{ "schema": "aisprint-design/1", "components": [ { "name": "detector", "expectedRequestsPerSecond": 0.5 } ] }""");
        var partitionings = new Dictionary<string, IReadOnlyList<ModelPartitioning>>
        {
            ["detector"] = [new ModelPartitioning(ValueList.Of(new ModelPiece(null, null, 0), new ModelPiece(null, null, 0), new ModelPiece(null, null, 0), new ModelPiece(null, null, 0)))],
        };
        var system = Build(design, Table("detector,VMSmall,100,\n"), partitionings: partitionings).GetValueOrThrow().System;
        Assert.All(system.FindComponent("detector")!.Deployments[1].Partitions,
            p => Assert.Equal(0.025, ((QueueingDemand)p.CandidateOn("VMSmall")!.Performance!).Demand.Value, 12));
    }

    [Fact]
    public void The_source_map_locates_components_and_constraints_at_their_annotations()
    {
        var map = Build(WindFarm, WindFarmDemands).GetValueOrThrow().Map;
        Assert.Equal(new SourceLocation(DesignSamples.Source, 78, 26), map.Locate(ModelKeys.LocalConstraint("report")));
        // A path's [GlobalExecTime] sits on its last component.
        Assert.Equal(new SourceLocation(DesignSamples.Source, 68, 27), map.Locate(ModelKeys.GlobalConstraint("inspection")));
        Assert.Equal(new SourceLocation(DesignSamples.Source, 25, 25), map.Locate(ModelKeys.Component("capture")));
    }

    [Fact]
    public void Validation_diagnostics_of_the_converted_design_point_at_the_annotations()
    {
        // A path whose neighbours are not joined by an edge: AIS0015, at the [GlobalExecTime] (its last component).
        var design = WindFarm with { GlobalConstraints = [new DesignGlobalConstraint("gap", ["capture", "defect-classifier"], 3000)] };
        var built = Build(design, WindFarmDemands);
        var diagnostics = built.Diagnostics.Concat(built.Value is { } v ? global::AiSprint.Model.Validation.SystemValidator.Validate(v.System, v.Map) : []).Where(d => d.Code == "AIS0015").ToList();
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DesignSamples.Source, diagnostic.Location.File);
        Assert.Equal(68, diagnostic.Location.Line);
    }

    [Fact]
    public void A_function_row_without_cold_ms_is_reported_once_even_for_a_partitioned_component()
    {
        var design = Design("{ \"schema\": \"aisprint-design/1\", \"components\": [ { \"name\": \"detector\", \"expectedRequestsPerSecond\": 0.5 } ] }");
        var partitionings = new Dictionary<string, IReadOnlyList<ModelPartitioning>>
        {
            ["detector"] = [new ModelPartitioning(ValueList.Of(new ModelPiece(null, null, 1), new ModelPiece(null, null, 1)))],
        };
        var built = Build(design, Table("detector,VMSmall,100,\ndetector,Lambda512,800,\n"), partitionings: partitionings);
        Assert.Null(built.Value);
        var diagnostic = Assert.Single(built.Diagnostics);
        Assert.Equal(("AIS0017", new SourceLocation(Demands, 3, 1)), (diagnostic.Code, diagnostic.Location));
    }

    [Fact]
    public void A_trusted_component_without_a_qualifying_resource_is_AIS0027_at_its_annotation()
    {
        // The capture may run on the drones only; DroneBasic has neither SGX nor secure + measured boot.
        var design = WindFarm with { Components = [.. WindFarm.Components.Select(c => c.Name == "capture" ? c with { Security = new DesignSecurity(true, false, false) } : c)] };
        var demands = new DemandTable(WindFarmDemands.Entries.Where(e => e.Resource != "DroneTegra").ToValueList());
        var (_, system, map) = Build(design, demands).GetValueOrThrow();
        var diagnostic = Assert.Single(global::AiSprint.Model.Validation.SystemValidator.Validate(system, map), d => d.IsError);
        Assert.Equal(("AIS0027", new SourceLocation(DesignSamples.Source, 25, 25)), (diagnostic.Code, diagnostic.Location));
        Assert.StartsWith("capture/h1 requires trusted execution, but none of DroneBasic has an SGX processor or secure and measured boot", diagnostic.Message);
    }

    [Fact]
    public void A_cold_start_below_the_warm_time_is_AIS0018_at_its_demands_cell()
    {
        // Refused by the demands reader the analyzers share, so the IDE reports it at the same cell.
        var read = DemandTableCsv.Parse("component,resource,demand_ms,cold_ms\nreport,Lambda512,2300,1000\n", Demands);
        Assert.Null(read.Value);
        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal(("AIS0018", new SourceLocation(Demands, 2, 23)), (diagnostic.Code, diagnostic.Location));
        Assert.Equal("cold_ms 1000 is below demand_ms 2300; a cold start is never faster than a warm call", diagnostic.Message);
    }

    [Fact]
    public void A_negative_expected_throughput_is_AIS0018_at_the_entry_component()
    {
        var design = WindFarm with { Components = [.. WindFarm.Components.Select(c => c.Name == "capture" ? c with { ExpectedRequestsPerSecond = -1 } : c)] };
        var built = Build(design, WindFarmDemands);
        Assert.Null(built.Value);
        var diagnostic = Assert.Single(built.Diagnostics);
        Assert.Equal(("AIS0018", new SourceLocation(DesignSamples.Source, 25, 25)), (diagnostic.Code, diagnostic.Location));
        Assert.Equal("[ExpectedThroughput] of capture is -1 req/s; expected an arrival rate ≥ 0", diagnostic.Message);
    }

    [Fact]
    public void A_negative_lambda_override_is_AIS0018()
    {
        var built = Build(WindFarm, WindFarmDemands, new RequestsPerSecond(-0.5));
        var diagnostic = Assert.Single(built.Diagnostics);
        Assert.Equal(("AIS0018", SourceLocation.WholeFile(DesignSamples.WindFarmResources)), (diagnostic.Code, diagnostic.Location));
        Assert.StartsWith("the arrival rate override (AiSprintLambda) is -0.5 req/s", diagnostic.Message);
    }

    [Fact]
    public void Non_positive_thresholds_are_AIS0018_at_their_annotations()
    {
        var design = WindFarm with
        {
            LocalConstraints = [new DesignLocalConstraint("report", 0)],
            GlobalConstraints = [new DesignGlobalConstraint("inspection", ["capture", "blade-detector", "defect-segmenter", "defect-classifier"], -3000)],
        };
        var built = Build(design, WindFarmDemands);
        Assert.Null(built.Value);
        Assert.Equal(
            [("AIS0018", new SourceLocation(DesignSamples.Source, 78, 26), "the local threshold of report is 0 ms; expected a time greater than 0"),
             ("AIS0018", new SourceLocation(DesignSamples.Source, 68, 27), "the threshold of path inspection is -3000 ms; expected a time greater than 0")],
            built.Diagnostics.Select(d => (d.Code, d.Location, d.Message)));
    }

    [Fact]
    public void A_cycle_is_left_to_the_validator_instead_of_being_reported_as_a_missing_arrival_rate()
    {
        var design = Design("""
            { "schema": "aisprint-design/1", "components": [ { "name": "a", "expectedRequestsPerSecond": 1 }, { "name": "b" } ],
              "dag": [ { "from": "a", "to": "b", "probability": 1 }, { "from": "b", "to": "a", "probability": 1 } ] }
            """);
        var built = Build(design, Table("a,VMSmall,10,\nb,VMSmall,10,\n"));
        Assert.DoesNotContain(built.Diagnostics, d => d.Code == "AIS0004");
        var (_, system, map) = built.GetValueOrThrow();
        Assert.Contains(global::AiSprint.Model.Validation.SystemValidator.Validate(system, map), d => d.Code == "AIS0012");
    }
}

