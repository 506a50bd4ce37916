using System.Text.RegularExpressions;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Formats.Partitions;
using AiSprint.Model.Formats.Space4Ai;

namespace AiSprint.Cli.Tests;

public class DeployCommandTests
{
    private static readonly string[] Budget = ["--iterations", "500", "--ls-iterations", "50"];

    private static string Temp() => Directory.CreateTempSubdirectory("aisprint-deploy-").FullName;

    private static string DesignFile(string json)
    {
        var path = Path.Combine(Temp(), "design.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static (int Code, string Output, string Error) Deploy(string design, string output, params string[] more) =>
        ValidateCommandTests.Run(["deploy", design, "--resources", DesignSamples.WindFarmResources, "--demands", DesignSamples.WindFarmDemands, "-o", output, .. Budget, .. more]);

    private static readonly string[] Written =
    [
        "deployment/production_deployment.yaml", "deployment/report.txt", "deployment/solution.json",
        "design/application_dag.yaml", "design/candidate_deployments.yaml", "design/candidate_resources.yaml", "design/components_data_size.yaml",
        "design/design.json", "design/system_description.json", "monitoring/rules.yml", "report.html", "security/policy.yaml",
    ];

    private static string[] FilesUnder(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(directory, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

    [Fact]
    public void The_wind_farm_design_is_placed_and_every_descriptor_is_written()
    {
        var output = Path.Combine(Temp(), "aisprint");
        var (code, text, error) = Deploy(DesignFile(DesignSamples.WindFarmJson), output);
        Assert.True(code == 0, error);
        Assert.Equal(Written, FilesUnder(output));
        // The optimum the sample's build finds (exact search on this small instance): DroneBasic, VMSmall, Lambda512.
        // The two lines the build shows at its default verbosity: cost, where each component runs (in DAG order), the tightest constraint.
        Assert.Matches(
            @"^placed 5 components at cost 3\.4024 per 1 h: capture on \w+, blade-detector on \w+, defect-segmenter on \w+, defect-classifier on VMSmall, report on \w+\n" +
            @"tightest constraint: (component|path) [\w-]+, [\d,.]+ ms of [\d,.]+ ms \(slack [\d,.]+ ms\)\n" +
            $"wrote {Regex.Escape(output)} \\(see {Regex.Escape(Path.Combine(output, "deployment", "report.txt"))} and {Regex.Escape(Path.Combine(output, "report.html"))}\\)\n$", text.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("error", error);

        Assert.Equal(DesignSamples.WindFarmJson + "\n", File.ReadAllText(Path.Combine(output, "design", "design.json")));
        var system = Space4AiSystemReader.Load(Path.Combine(output, "design", "system_description.json")).GetValueOrThrow().Value;
        Assert.Equal(0.25, system.Lambda.Value);
        Assert.Equal(5, system.Components.Count);
        var solution = Space4AiSolutionReader.Load(Path.Combine(output, "deployment", "solution.json")).GetValueOrThrow().Value;
        Assert.Equal(3.40242, solution.TotalCost!.Value.Value, 5);
        Assert.Equal("VMSmall", solution.FindComponent("defect-classifier")!.Partitions.Single().Resource);

        var production = ProductionDeploymentYaml.Read(File.ReadAllText(Path.Combine(output, "deployment", "production_deployment.yaml")), "production_deployment.yaml");
        Assert.DoesNotContain(production.Diagnostics, d => d.IsError);
        Assert.Equal(5, production.Value!.Value.Components.Count);

        var rules = File.ReadAllText(Path.Combine(output, "monitoring", "rules.yml"));
        Assert.Contains("alert: AiSprintLocalConstraint_report", rules);
        Assert.Contains("alert: AiSprintGlobalConstraint_inspection", rules);
        Assert.Equal(0, PromTool.CheckRules(Path.Combine(output, "monitoring", "rules.yml")).ExitCode);
        Assert.Contains("placedOn:\n  - VMSmall", File.ReadAllText(Path.Combine(output, "security", "policy.yaml")).ReplaceLineEndings("\n"));
        Assert.StartsWith("Random Greedy", File.ReadAllText(Path.Combine(output, "deployment", "report.txt")));
        // report.html shows the same placement: its cost, its constraints, and the sweep at the default 8 rates.
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("<span class=\"good\">Feasible</span>: total cost <b>3.40242</b>", html);
        Assert.Contains("<td>path inspection</td><td>3,000</td>", html);
        Assert.Equal(8, Regex.Matches(html, @"<tr><td>[\d.]+</td><td>(yes|<span class=""bad"">no</span>)</td>").Count);
    }

    [Fact]
    public void The_report_shows_a_profiles_measured_against_predicted_lines_when_given()
    {
        var directory = Temp();
        var summary = Path.Combine(directory, "measured-vs-predicted.txt");
        File.WriteAllText(summary, "blade-detector image_side=128 cores=1: measured 0.0784 ms, predicted 0.0788 ms\nblade-detector on Laptop: measured vs predicted over 1 configuration(s), MAPE 0.5 %\n");
        var output = Path.Combine(directory, "aisprint");
        var (code, _, error) = Deploy(DesignFile(DesignSamples.WindFarmJson), output, "--measured", summary, "--sweep-points", "0");
        Assert.True(code == 0, error);
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("<tr><td>blade-detector</td><td>Laptop</td><td>image_side=128 cores=1</td><td>0.0784</td><td>0.0788</td></tr>", html);
        Assert.DoesNotContain("id=\"sweep\"", html);
        var report = File.ReadAllText(Path.Combine(output, "deployment", "report.txt")).ReplaceLineEndings("\n");
        Assert.Contains("\nMeasured on this machine (aisprint profile) against the performance model's predictions:\n"
            + "  blade-detector image_side=128 cores=1: measured 0.0784 ms, predicted 0.0788 ms\n"
            + "  blade-detector on Laptop: measured vs predicted over 1 configuration(s), MAPE 0.5 %\n", report);
    }

    [Fact]
    public void An_assembly_is_read_through_its_metadata_and_its_json_is_copied_byte_for_byte()
    {
        var output = Temp();
        var (code, _, error) = Deploy(DesignAssembly.Emit(DesignSamples.WindFarmJson, "WindFarm.dll"), output, "--lambda", "0.2");
        Assert.True(code == 0, error);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(DesignSamples.WindFarmJson + "\n"), File.ReadAllBytes(Path.Combine(output, "design", "design.json")));
        Assert.Equal(0.2, Space4AiSystemReader.Load(Path.Combine(output, "design", "system_description.json")).GetValueOrThrow().Value.Lambda.Value);
    }

    [Fact]
    public void An_infeasible_design_exits_3_with_AIS0051_at_the_constraint_and_AIS0050_at_the_entry_and_removes_stale_descriptors()
    {
        var output = Temp();
        var stale = Path.Combine(output, "deployment");
        Directory.CreateDirectory(stale);
        File.WriteAllText(Path.Combine(stale, "production_deployment.yaml"), "stale");
        File.WriteAllText(Path.Combine(stale, "solution.json"), "stale");

        var design = DesignSamples.WindFarmJson.Replace("\"thresholdMs\": 3000", "\"thresholdMs\": 1000", StringComparison.Ordinal);
        var (code, text, error) = Deploy(DesignFile(design), output, "--no-explain");

        Assert.Equal(3, code);
        Assert.Equal($"no feasible placement; wrote {output} (see {Path.Combine(output, "deployment", "report.txt")} and {Path.Combine(output, "report.html")})\n", text.ReplaceLineEndings("\n"));
        // The best case of the path: 1,000 (DroneTegra) + 10 (VMLarge) + 90 (VMLarge) + 27 (VMLarge) ms, without transfers.
        Assert.Contains($"{DesignSamples.Source}:68:27: warning AIS0051: path inspection cannot meet its threshold of 1,000 ms: even on its fastest compatible resources, without queueing, it takes ", error);
        Assert.Contains($"{DesignSamples.Source}:25:25: warning AIS0050: no placement on the candidate resources meets every constraint at 0.25 req/s", error);
        Assert.DoesNotContain("error AIS", error);

        Assert.False(File.Exists(Path.Combine(stale, "production_deployment.yaml")));
        Assert.False(File.Exists(Path.Combine(stale, "solution.json")));
        Assert.StartsWith("No feasible placement found.\n", File.ReadAllText(Path.Combine(stale, "report.txt")).ReplaceLineEndings("\n"));
        Assert.Contains("path inspection cannot meet its threshold of 1,000 ms", File.ReadAllText(Path.Combine(stale, "report.txt")));
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("No feasible placement", html);
        Assert.Contains("path inspection cannot meet its threshold of 1,000 ms", html);
        Assert.DoesNotContain("id=\"constraints\"", html);
        Assert.True(File.Exists(Path.Combine(output, "design", "design.json")));
        Assert.True(File.Exists(Path.Combine(output, "monitoring", "rules.yml")));
        var policy = File.ReadAllText(Path.Combine(output, "security", "policy.yaml"));
        Assert.Contains("name: defect-classifier", policy);
        Assert.DoesNotContain("placedOn", policy);
    }

    [Fact]
    public void An_infeasible_arrival_rate_is_explained_with_the_largest_feasible_lambda()
    {
        var output = Temp();
        var (code, _, error) = Deploy(DesignFile(DesignSamples.WindFarmJson), output, "--lambda", "5");
        Assert.Equal(3, code);
        // Wherever AIS0050 is reported (the entry, or a binding constraint), it names the largest feasible arrival rate.
        Assert.Matches(@"warning AIS0050: no placement .*meets every constraint at 5 req/s.*an arrival rate of at most 0\.\d+ req/s", error);
    }

    [Fact]
    public void Invalid_demands_exit_1_with_located_errors_and_write_nothing()
    {
        var directory = Temp();
        var demands = Path.Combine(directory, "extra.demands.csv");
        File.WriteAllText(demands, "component,resource,demand_ms\ncapture,VMSmal,10\nreport,VMLarge,0\n");
        var output = Path.Combine(directory, "aisprint");
        var (code, _, error) = ValidateCommandTests.Run(["deploy", DesignFile(DesignSamples.WindFarmJson), "--resources", DesignSamples.WindFarmResources,
            "--demands", DesignSamples.WindFarmDemands, "--demands", demands, "-o", output, .. Budget]);
        Assert.Equal(1, code);
        Assert.Contains($"{demands}:3:16: error AIS0018: demand_ms '0' is not a positive number of milliseconds", error);
        Assert.False(Directory.Exists(output));

        File.WriteAllText(demands, "component,resource,demand_ms\ncapture,VMSmal,10\n");
        (code, _, error) = ValidateCommandTests.Run(["deploy", DesignFile(DesignSamples.WindFarmJson), "--resources", DesignSamples.WindFarmResources,
            "--demands", DesignSamples.WindFarmDemands, "--demands", demands, "-o", output, .. Budget]);
        Assert.Equal(1, code);
        Assert.Contains($"{demands}:2:1: error AIS0011: the demands name resource 'VMSmal', which the candidate resources do not define (did you mean 'VMSmall'?)", error);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_failed_deploy_removes_the_descriptors_and_the_feasible_report_of_an_earlier_one()
    {
        var directory = Temp();
        var output = Path.Combine(directory, "aisprint");
        var design = DesignFile(DesignSamples.WindFarmJson);
        var (code, _, error) = Deploy(design, output);
        Assert.True(code == 0, error);
        Assert.Equal(Written, FilesUnder(output));

        // The next run's input is bad: nothing of the earlier placement may stay and read as current.
        var demands = Path.Combine(directory, "extra.demands.csv");
        File.WriteAllText(demands, "component,resource,demand_ms\nreport,VMLarge,0\n");
        (code, _, error) = Deploy(design, output, "--demands", demands);
        Assert.Equal(1, code);
        Assert.Contains($"{demands}:2:16: error AIS0018", error);
        Assert.Empty(FilesUnder(output));
    }

    [Fact]
    public void A_negative_number_of_sweep_points_is_refused()
    {
        var output = Path.Combine(Temp(), "aisprint");
        var (code, _, error) = Deploy(DesignFile(DesignSamples.WindFarmJson), output, "--sweep-points", "-2");
        Assert.Equal(1, code);
        Assert.Contains("--sweep-points: error AIS0", error);
        Assert.Contains("'-2': expected how many arrival rates", error);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_component_without_demands_is_reported_at_its_annotation()
    {
        var output = Path.Combine(Temp(), "aisprint");
        var (code, _, error) = ValidateCommandTests.Run(["deploy", DesignFile(DesignSamples.WindFarmJson), "--resources", DesignSamples.WindFarmResources, "-o", output, .. Budget]);
        Assert.Equal(1, code);
        Assert.Contains($"{DesignSamples.Source}:25:25: error AIS0017: component capture has no demand on any candidate resource", error);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Predicted_demands_win_over_hand_written_ones_whatever_the_argument_order()
    {
        var directory = Temp();
        // Only the slow Lambda256 is left for the report, which cannot meet its 2.5 s there: exit 3 proves the prediction won.
        var demands = Path.Combine(directory, "obj", "aisprint", "demands", "report.demands.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(demands)!);
        File.WriteAllText(demands, "component,resource,demand_ms,cold_ms\nreport,Lambda512,9000,9500\n");
        var output = Path.Combine(directory, "aisprint");
        var (code, _, error) = ValidateCommandTests.Run(["deploy", DesignFile(DesignSamples.WindFarmJson), "--resources", DesignSamples.WindFarmResources,
            "--demands", demands, "--demands", DesignSamples.WindFarmDemands, "-o", output, "--no-explain", .. Budget]);
        Assert.Equal(3, code);
        Assert.Contains($"{DesignSamples.Source}:78:26: warning AIS0051: component report cannot meet its threshold of 2,500 ms", error);
    }

    [Fact]
    public void A_design_json_of_another_schema_or_an_assembly_without_a_design_exits_1()
    {
        var output = Path.Combine(Temp(), "aisprint");
        var file = DesignFile("{ \"schema\": \"aisprint-design/0\" }");
        var (code, _, error) = Deploy(file, output);
        Assert.Equal(1, code);
        Assert.Contains($"{file}: error AIS0006: the design document's schema is 'aisprint-design/0'", error);

        var assembly = DesignAssembly.Emit(designJson: null);
        (code, _, error) = Deploy(assembly, output);
        Assert.Equal(1, code);
        Assert.Contains($"{assembly}: warning AIS0053: the assembly has no AiSprint design document", error);

        var broken = Path.Combine(Temp(), "Broken.dll");
        File.WriteAllText(broken, "MZ but not really");
        (code, _, error) = Deploy(broken, output);
        Assert.Equal(1, code);
        Assert.Contains($"{broken}: error AIS0001: cannot read the design document", error);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_partition_manifest_adds_the_partitioned_deployment_with_flop_shares_of_the_demand()
    {
        var directory = Temp();
        var manifest = Path.Combine(directory, "manifest.json");
        File.WriteAllText(manifest, """
            { "model": "segmenter", "sourceFile": "segmenter.onnx", "partitionCount": 2, "inputs": ["x"], "outputs": ["y"], "totalForwardFlops": 4000,
              "transferredBytes": 1048576, "cuts": [],
              "partitions": [
                { "index": 2, "file": "partition_2_of_2.onnx", "nodeCount": 1, "inputTensors": ["t"], "outputTensors": ["y"], "forwardFlops": 1000,
                  "backwardFlops": null, "parameterCount": 0, "parameterBytes": 0, "peakActivationBytes": null, "memoryBytes": 33554432, "dataSizeBytes": null, "next": null },
                { "index": 1, "file": "partition_1_of_2.onnx", "nodeCount": 1, "inputTensors": ["x"], "outputTensors": ["t"], "forwardFlops": 3000,
                  "backwardFlops": null, "parameterCount": 0, "parameterBytes": 0, "peakActivationBytes": null, "memoryBytes": 67108864, "dataSizeBytes": 1048576, "next": 2 } ] }
            """);
        var output = Path.Combine(directory, "aisprint");
        var (code, _, error) = Deploy(DesignFile(DesignSamples.WindFarmJson), output, "--partition", $"defect-segmenter={manifest}");
        Assert.True(code == 0, error);
        var system = Space4AiSystemReader.Load(Path.Combine(output, "design", "system_description.json")).GetValueOrThrow().Value;
        var segmenter = system.FindComponent("defect-segmenter")!;
        Assert.Equal(2, segmenter.Deployments.Count);
        var pieces = segmenter.Deployments[1].Partitions;
        // VMSmall: 112.5 ms × 3/4 and × 1/4.
        Assert.Equal(0.084375, ((Model.QueueingDemand)pieces[0].CandidateOn("VMSmall")!.Performance!).Demand.Value, 9);
        Assert.Equal(0.028125, ((Model.QueueingDemand)pieces[1].CandidateOn("VMSmall")!.Performance!).Demand.Value, 9);
        Assert.Contains("defect-segmenter_partition1_1", File.ReadAllText(Path.Combine(output, "design", "candidate_deployments.yaml")));
    }

    [Fact]
    public void A_per_layer_model_gives_the_partitions_their_demand_on_its_resource_and_the_report_says_where_each_came_from()
    {
        var directory = Temp();
        var model = SharedData.PathOf("onnx", "alexnet_features.onnx");
        var partitioned = Path.Combine(directory, "partitions");
        var (code, _, error) = ValidateCommandTests.Run("partition", model, "-o", partitioned);
        Assert.True(code == 0, error);
        // A layer model whose every category falls back to its pooled line: 1e-7 ms per Table 4.1 operation.
        var layers = new Profiling.Layers.Modelling.LayerModelFile(1, "table-4.1", "all", "VMSmall", ["hand-made"], [],
            [new Profiling.Layers.Modelling.ThreadModel(1, [], [], new Profiling.Layers.Modelling.LinearLayerModel(0, 1e-7))]);
        var layersPath = Path.Combine(directory, "vmsmall.layers.json");
        layers.Save(layersPath);
        var output = Path.Combine(directory, "aisprint");
        (code, _, error) = Deploy(DesignFile(DesignSamples.WindFarmJson), output, "--partition", $"defect-segmenter={Path.Combine(partitioned, "manifest.json")}",
            "--onnx", $"defect-segmenter={model}", "--layer-model", $"VMSmall={layersPath}");
        Assert.True(code == 0 || code == 3, error);

        var analysis = Onnx.OnnxModelAnalyzer.Analyze(model);
        var manifest = PartitionManifestJson.Load(Path.Combine(partitioned, "manifest.json")).GetValueOrThrow();
        var expected = Profiling.Layers.Modelling.PartitionDemands.Predict(analysis, manifest.Cuts.Select(c => c.Tensor).ToList(),
            [new Profiling.Layers.Modelling.ResourceLayerModel("VMSmall", layersPath, layers)]);
        var system = Space4AiSystemReader.Load(Path.Combine(output, "design", "system_description.json")).GetValueOrThrow().Value;
        var pieces = system.FindComponent("defect-segmenter")!.Deployments[1].Partitions;
        for (var i = 0; i < pieces.Count; i++)
        {
            Assert.Equal(expected[i][0].Demand.Value, ((Model.QueueingDemand)pieces[i].CandidateOn("VMSmall")!.Performance!).Demand.Value, 9);
        }
        Assert.True(expected.Sum(e => e[0].Demand.Value) > 0.01, "the hand-made model predicts tens of ms for AlexNet's features");
        var report = File.ReadAllText(Path.Combine(output, "deployment", "report.txt"));
        Assert.Contains($"defect-segmenter on VMSmall: per-layer model {layersPath} (table-4.1, optimisation all)", report);
        Assert.Contains("defect-segmenter on every other resource: FLOP share of the component's demand", report);
        // report.html charts the same predictions, one row (and bar series) per component and resource with a layer model.
        var html = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("id=\"layers\"", html);
        Assert.Contains("<tr><td>defect-segmenter</td><td>VMSmall</td><td>vmsmall.layers.json</td>"
            + string.Concat(expected.Select(e => $"<td>{(e[0].Demand.Value * 1000).ToString("0.######", System.Globalization.CultureInfo.InvariantCulture)}</td>")) + "</tr>", html);
        // ... and the per-layer chart the partition demands are sums of: one tick per layer carrying time.
        Assert.Contains("<h3>defect-segmenter on VMSmall: predicted time per layer</h3>", html);
        var chart = html[html.IndexOf("<h3>defect-segmenter on VMSmall: predicted time per layer</h3>", StringComparison.Ordinal)..];
        Assert.Contains("id=\"layers-per-layer-1-1\"", chart);
        Assert.All(analysis.Layers.Where(l => l.Op == "Conv").Select(l => l.NodeName), name => Assert.Contains(name, chart));
    }

    [Fact]
    public void Every_plan_the_partitioner_offers_reaches_the_placement_with_its_own_per_layer_demands()
    {
        var directory = Temp();
        var model = SharedData.PathOf("onnx", "alexnet_features.onnx");
        var partitioned = Path.Combine(directory, "partitions");
        var (code, printed, error) = ValidateCommandTests.Run("partition", model, "-o", partitioned, "--max-partitions", "3", "--plans", "2", "--verify");
        Assert.True(code == 0, error + printed);
        Assert.Contains("verification of plan 4:", printed);
        var manifest = PartitionManifestJson.Load(Path.Combine(partitioned, "manifest.json")).GetValueOrThrow();
        var plans = DesignPartitions.PlansOf(manifest);
        Assert.Equal([2, 2, 3, 3], plans.Select(p => p.PartitionCount).Order());
        // A layer model measured on this machine through ONNX Runtime's profiler (layers train), standing for VMSmall.
        var layersPath = LayersCommandTests.Trained.Value;
        var output = Path.Combine(directory, "aisprint");
        (code, _, error) = Deploy(DesignFile(DesignSamples.WindFarmJson), output, "--partition", $"defect-segmenter={Path.Combine(partitioned, "manifest.json")}",
            "--onnx", $"defect-segmenter={model}", "--layer-model", $"VMSmall={layersPath}");
        Assert.True(code == 0 || code == 3, error);

        var analysis = Onnx.OnnxModelAnalyzer.Analyze(model);
        var layers = new Profiling.Layers.Modelling.ResourceLayerModel("VMSmall", layersPath, Profiling.Layers.Modelling.LayerModelFile.Load(layersPath));
        var system = Space4AiSystemReader.Load(Path.Combine(output, "design", "system_description.json")).GetValueOrThrow().Value;
        var deployments = system.FindComponent("defect-segmenter")!.Deployments;
        // The whole component, then one deployment per offered plan, in the manifest's order.
        Assert.Equal(1 + plans.Count, deployments.Count);
        var whole = ((Model.QueueingDemand)deployments[0].Partitions.Single().CandidateOn("VMSmall")!.Performance!).Demand.Value;
        var firstPieces = new HashSet<double>();
        for (var n = 0; n < plans.Count; n++)
        {
            var expected = Profiling.Layers.Modelling.PartitionDemands.Predict(analysis, plans[n].Cuts.Select(c => c.Tensor).ToList(), [layers]);
            var pieces = deployments[n + 1].Partitions;
            Assert.Equal(plans[n].PartitionCount, pieces.Count);
            for (var i = 0; i < pieces.Count; i++)
            {
                // A piece the model predicts at 0 ms (this network's pooling tail) gets the floor: a millionth of the whole's demand.
                Assert.Equal(Math.Max(expected[i][0].Demand.Value, whole * 1e-6), ((Model.QueueingDemand)pieces[i].CandidateOn("VMSmall")!.Performance!).Demand.Value, 12);
            }
            firstPieces.Add(Math.Round(expected[0][0].Demand.Value, 9));
        }
        // Different cut sets give different first partitions: a demand copied from the first plan would not.
        Assert.True(firstPieces.Count > 1, "the plans' first partitions should differ");
        var report = File.ReadAllText(Path.Combine(output, "deployment", "report.txt"));
        for (var n = 0; n < plans.Count; n++)
        {
            var label = $"defect-segmenter plan {n + 1} ({plans[n].PartitionCount} partitions at {string.Join(", ", plans[n].Cuts.Select(c => c.Tensor))})";
            Assert.Contains($"{label} on VMSmall: per-layer model {layersPath} (table-4.1, optimisation all): partition 1 ", report);
            Assert.Contains($"{label} on every other resource: FLOP share of the component's demand", report);
        }
    }

    [Fact]
    public void Without_a_layer_model_every_offered_plan_is_placed_on_its_flop_shares_and_the_report_says_so_plan_by_plan()
    {
        var directory = Temp();
        var partitioned = Path.Combine(directory, "partitions");
        var (code, _, error) = ValidateCommandTests.Run("partition", SharedData.PathOf("onnx", "squeezenet1_1.onnx"), "-o", partitioned, "--max-partitions", "3");
        Assert.True(code == 0, error);
        var plans = DesignPartitions.PlansOf(PartitionManifestJson.Load(Path.Combine(partitioned, "manifest.json")).GetValueOrThrow());
        Assert.Equal([2, 3], plans.Select(p => p.PartitionCount));
        var output = Path.Combine(directory, "aisprint");
        (code, _, error) = Deploy(DesignFile(DesignSamples.WindFarmJson), output, "--partition", $"defect-segmenter={Path.Combine(partitioned, "manifest.json")}");
        Assert.True(code == 0 || code == 3, error);

        var system = Space4AiSystemReader.Load(Path.Combine(output, "design", "system_description.json")).GetValueOrThrow().Value;
        var deployments = system.FindComponent("defect-segmenter")!.Deployments;
        Assert.Equal([1, 2, 3], deployments.Select(d => d.Partitions.Count));
        // VMSmall: the component's 112.5 ms split by each plan's forward FLOPs.
        for (var n = 0; n < plans.Count; n++)
        {
            var total = plans[n].Partitions.Sum(p => (double)p.ForwardFlops!.Value);
            var pieces = deployments[n + 1].Partitions;
            for (var i = 0; i < pieces.Count; i++)
            {
                var share = Math.Max(plans[n].Partitions.Single(p => p.Index == i + 1).ForwardFlops!.Value / total, 1e-6);
                Assert.Equal(0.1125 * share, ((Model.QueueingDemand)pieces[i].CandidateOn("VMSmall")!.Performance!).Demand.Value, 9);
            }
        }
        var report = File.ReadAllText(Path.Combine(output, "deployment", "report.txt"));
        Assert.Contains($"defect-segmenter plan 2 (3 partitions at {string.Join(", ", plans[1].Cuts.Select(c => c.Tensor))}): every partition's demand is the FLOP share of the component's demand", report);
    }

    [Fact]
    public void An_unreadable_layer_model_is_AIS0070_at_the_file()
    {
        var directory = Temp();
        var bad = Path.Combine(directory, "bad.layers.json");
        File.WriteAllText(bad, "[1, 2");
        var (code, _, error) = Deploy(DesignFile(DesignSamples.WindFarmJson), Path.Combine(directory, "aisprint"), "--layer-model", $"VMSmall={bad}");
        Assert.Equal(1, code);
        Assert.Contains($"{bad}: error AIS0070", error);
    }

    [Theory]
    [InlineData("defect-segmenter")]
    [InlineData("=manifest.json")]
    [InlineData("defect-segmenter=")]
    public void A_malformed_partition_argument_exits_1(string argument)
    {
        var output = Path.Combine(Temp(), "aisprint");
        var (code, _, error) = Deploy(DesignFile(DesignSamples.WindFarmJson), output, "--partition", argument);
        Assert.Equal(1, code);
        Assert.Contains($"--partition: error AIS0018: '{argument}': expected COMPONENT=MANIFEST", error);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("{ not json", ":1:3: error AIS0002: not a partition manifest")]
    [InlineData("{\n  \"model\": \"m\",\n  \"partitions\": 3\n}", ":3:18: error AIS0002: not a partition manifest")]
    [InlineData("null", ": error AIS0001: the partition manifest lists no partitions")]
    [InlineData("{ \"model\": \"m\" }", ": error AIS0001: the partition manifest lists no partitions")]
    public void An_unreadable_partition_manifest_is_an_error_at_the_manifest_and_nothing_is_written(string content, string expected)
    {
        var directory = Temp();
        var manifest = Path.Combine(directory, "manifest.json");
        File.WriteAllText(manifest, content);
        var output = Path.Combine(directory, "aisprint");
        var (code, _, error) = Deploy(DesignFile(DesignSamples.WindFarmJson), output, "--partition", $"defect-segmenter={manifest}");
        Assert.Equal(1, code);
        Assert.Contains(manifest + expected, error);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_validation_error_is_printed_once_at_the_annotation()
    {
        var directory = Temp();
        var design = DesignSamples.WindFarmJson.Replace("\"security\": null, \"partitionable\": null, \"expectedRequestsPerSecond\": 0.25", "\"security\": { \"trustedExecution\": true }, \"partitionable\": null, \"expectedRequestsPerSecond\": 0.25", StringComparison.Ordinal);
        var demands = Path.Combine(directory, "demands.csv");
        File.WriteAllLines(demands, File.ReadAllLines(DesignSamples.WindFarmDemands).Where(l => !l.StartsWith("capture,DroneTegra", StringComparison.Ordinal)));
        var output = Path.Combine(directory, "aisprint");
        var (code, _, error) = ValidateCommandTests.Run(["deploy", DesignFile(design), "--resources", DesignSamples.WindFarmResources, "--demands", demands, "-o", output, .. Budget]);
        Assert.Equal(1, code);
        Assert.Equal($"{DesignSamples.Source}:25:25: error AIS0027: capture/h1 requires trusted execution, but none of DroneBasic has an SGX processor or secure and measured boot; expected at least one such resource\n",
            error.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_negative_arrival_rate_or_threshold_exits_1_instead_of_placing()
    {
        var output = Path.Combine(Temp(), "aisprint");
        var (code, _, error) = Deploy(DesignFile(DesignSamples.WindFarmJson.Replace("\"expectedRequestsPerSecond\": 0.25", "\"expectedRequestsPerSecond\": -0.25", StringComparison.Ordinal)), output);
        Assert.Equal(1, code);
        Assert.Contains($"{DesignSamples.Source}:25:25: error AIS0018: [ExpectedThroughput] of capture is -0.25 req/s", error);

        (code, _, error) = Deploy(DesignFile(DesignSamples.WindFarmJson), output, "--lambda", "-1");
        Assert.Equal(1, code);
        Assert.Contains("error AIS0018: the arrival rate override (AiSprintLambda) is -1 req/s", error);

        (code, _, error) = Deploy(DesignFile(DesignSamples.WindFarmJson.Replace("\"thresholdMs\": 2500", "\"thresholdMs\": -5", StringComparison.Ordinal)), output);
        Assert.Equal(1, code);
        Assert.Contains($"{DesignSamples.Source}:78:26: error AIS0018: the local threshold of report is -5 ms", error);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_constraint_naming_an_unknown_component_is_reported_at_the_design_file()
    {
        var output = Path.Combine(Temp(), "aisprint");
        var design = DesignFile(DesignSamples.WindFarmJson.Replace("[ { \"component\": \"report\", \"thresholdMs\": 2500 } ]", "[ { \"component\": \"reprot\", \"thresholdMs\": 2500 } ]", StringComparison.Ordinal));
        var (code, _, error) = Deploy(design, output);
        Assert.Equal(1, code);
        Assert.Contains($"{design}: error AIS0020: a local constraint names reprot, which is not a component", error);
        Assert.DoesNotContain(DesignSamples.WindFarmResources, error);
    }
}

