using System.Globalization;
using System.Text.RegularExpressions;
using AiSprint.Cli;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Formats.Design;

namespace AiSprint.Sdk.Tests;

/// <summary>
/// A fresh consumer project that references only the packed AiSprint.Sdk: dotnet build writes valid descriptors,
/// an unchanged rebuild runs no SDK step, and a threshold no resource can meet is reported by the analyzers and the build.
/// </summary>
[Collection(PackedSdkCollection.Name)]
public sealed class ConsumerBuildTests(PackedSdk sdk)
{
    private static readonly string[] Steps = ["AiSprintReadDesign", "AiSprintPartition", "AiSprintTrain", "AiSprintPlace"];

    [Fact]
    public void Build_writes_valid_descriptors_skips_every_step_when_unchanged_and_reports_an_unreachable_threshold()
    {
        var project = sdk.CreateConsumer("consumer");
        var first = sdk.Build(project);
        Assert.True(first.ExitCode == 0, first.ToString());
        var output = Path.Combine(project, "bin", "Debug", "net10.0", "aisprint");

        // Every descriptor is there and reads back valid.
        foreach (var file in new[]
        {
            "design/design.json", "design/system_description.json", "design/application_dag.yaml", "design/candidate_deployments.yaml",
            "partitions/blurry-faces-onnx/manifest.json", "partitions/blurry-faces-onnx/partition_1_of_2.onnx", "partitions/blurry-faces-onnx/partition_2_of_2.onnx",
            "models/mask-detector/best.model.json", "models/mask-detector/results.txt", "models/mask-detector/report.html",
            "deployment/production_deployment.yaml", "deployment/solution.json", "deployment/report.txt",
            "monitoring/rules.yml", "security/policy.yaml", "report.html",
        })
        {
            Assert.True(File.Exists(Path.Combine(output, file)), $"{file} is missing\n{first}");
        }
        // aisprint validate recognises every file the build wrote (design, demands, manifests, models, rules, policy).
        var validation = Cli("validate", output, Path.Combine(project, "obj", "Debug", "net10.0", "aisprint", "demands"));
        Assert.True(validation.ExitCode == 0, validation.Output);
        Assert.Contains("valid design document of Consumer (2 components, 1 DAG edges, 2 local and 1 global constraints)", validation.Output, StringComparison.Ordinal);
        Assert.Contains("valid demands (3 rows for 1 components on 3 resources)", validation.Output, StringComparison.Ordinal);
        var evaluation = Cli("evaluate", Path.Combine(output, "design", "system_description.json"), Path.Combine(output, "deployment", "solution.json"));
        Assert.True(evaluation.ExitCode == 0, evaluation.Output);
        Assert.True(ProductionDeploymentYaml.ReadFile(Path.Combine(output, "deployment", "production_deployment.yaml")).Succeeded);
        var rules = PromTool.CheckRules(Path.Combine(output, "monitoring", "rules.yml"));
        Assert.True(rules.ExitCode == 0, rules.Output);
        Assert.Contains("SUCCESS: 3 rules found", rules.Output, StringComparison.Ordinal);

        // The design document the build read is the one `aisprint design` prints for the same assembly.
        var design = Cli("design", Path.Combine(project, "bin", "Debug", "net10.0", "Consumer.dll"));
        Assert.Equal(design.Output, File.ReadAllText(Path.Combine(output, "design", "design.json")));

        // mask-detector's demands were predicted by the trained model: time = 4 + 48 / cores ms (see the profile).
        var predicted = DemandTableCsv.Load(Path.Combine(project, "obj", "Debug", "net10.0", "aisprint", "demands", "mask-detector.demands.csv")).Value!;
        foreach (var (resource, cores) in new[] { ("VM1", 4), ("VM2", 8), ("VM3", 2) })
        {
            var demandMs = predicted.Entries.Single(e => e.Resource == resource).Demand.Value * 1000;
            Assert.InRange(demandMs, (4 + 48.0 / cores) * 0.95, (4 + 48.0 / cores) * 1.05);
        }

        // Nothing changed: no SDK step runs, no descriptor is rewritten.
        var stamps = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var second = sdk.Build(project);
        Assert.True(second.ExitCode == 0, second.ToString());
        foreach (var step in Steps)
        {
            Assert.True(Skipped(second.Output, step), $"{step} ran again on an unchanged build\n{second}");
        }
        Assert.DoesNotContain("aisprint.dll deploy", second.Output, StringComparison.Ordinal);
        foreach (var (file, stamp) in stamps) Assert.Equal(stamp, File.GetLastWriteTimeUtc(file));

        // A newer tool (an upgraded SDK): the steps it runs rerun although the project did not change.
        var tool = Directory.EnumerateFiles(sdk.Packages, "aisprint.dll", SearchOption.AllDirectories).Single(f => f.Replace('\\', '/').Contains("/tools/aisprint/", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(tool, DateTime.UtcNow);
        var upgraded = sdk.Build(project);
        Assert.True(upgraded.ExitCode == 0, upgraded.ToString());
        Assert.False(Skipped(upgraded.Output, "AiSprintPlace"), upgraded.ToString());
        Assert.True(File.GetLastWriteTimeUtc(Path.Combine(output, "deployment", "report.txt")) > stamps[Path.Combine(output, "deployment", "report.txt")]);

        // A threshold below the fastest demand (9 ms): the analyzer warns at compile time, the placement step at the attribute.
        var source = Path.Combine(project, "Pipeline.cs");
        File.WriteAllText(source, File.ReadAllText(source).Replace("BlurThresholdMs = 20;", "BlurThresholdMs = 2;", StringComparison.Ordinal));
        var third = sdk.Build(project);
        Assert.True(third.ExitCode == 0, third.ToString());
        var line = Array.FindIndex(File.ReadAllLines(source), l => l.Contains("public static float[] BlurFaces", StringComparison.Ordinal)) + 1;
        Assert.Matches($@"Pipeline\.cs\({line},\d+\): AiSprint warning AIS0051: component blurry-faces-onnx cannot meet its threshold of 2 ms", third.Output);
        Assert.Matches(@"Pipeline\.cs\(\d+,\d+\): warning AIS1\d{3}: .*blurry-faces-onnx.*9 ms", third.Output);
        Assert.False(File.Exists(Path.Combine(output, "deployment", "production_deployment.yaml")), "a stale deployment descriptor was left behind");
        Assert.StartsWith("No feasible placement found.", File.ReadAllText(Path.Combine(output, "deployment", "report.txt")), StringComparison.Ordinal);
        // The threshold edit changes the design, not the model or the partitions: those steps stay skipped.
        Assert.True(Skipped(third.Output, "AiSprintPartition"), third.ToString());
        Assert.True(Skipped(third.Output, "AiSprintTrain"), third.ToString());

        // Unchanged again: the placement step is skipped, but its warnings are reported again, once, since no deployment exists.
        var fourth = sdk.Build(project);
        Assert.True(fourth.ExitCode == 0, fourth.ToString());
        Assert.True(Skipped(fourth.Output, "AiSprintPlace"), fourth.ToString());
        var unreachable = $@"Pipeline\.cs\({line},\d+\): AiSprint warning AIS0051: component blurry-faces-onnx cannot meet its threshold of 2 ms";
        Assert.Matches(unreachable, fourth.Output);
        Assert.Matches(@"Pipeline\.cs\(\d+,\d+\): AiSprint warning AIS0050: no placement", fourth.Output);
        Assert.Equal(Regex.Matches(third.Output, unreachable).Count, Regex.Matches(fourth.Output, unreachable).Count);
        Assert.DoesNotMatch(@"\b0 Warning\(s\)", fourth.Output);

        // Back to a feasible threshold, at the default verbosity: the placement in two lines, not the tool's command line.
        File.WriteAllText(source, File.ReadAllText(source).Replace("BlurThresholdMs = 2;", "BlurThresholdMs = 20;", StringComparison.Ordinal));
        var fifth = sdk.Dotnet(project, "build", "-c", "Debug", "-nodeReuse:false", "-p:AiSprintSdkVersion=" + PackedSdk.Version);
        Assert.True(fifth.ExitCode == 0, fifth.ToString());
        Assert.Matches(@"AiSprint: placed 2 components at cost [\d.]+ per 1 h: blurry-faces-onnx on \w+, mask-detector on \w+", fifth.Output);
        Assert.Matches(@"AiSprint: tightest constraint: (component|path) [\w-]+, [\d.,]+ ms of [\d.,]+ ms \(slack [\d.,]+ ms\)", fifth.Output);
        Assert.DoesNotContain("aisprint.dll", fifth.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "deployment", "production_deployment.yaml")), fifth.ToString());
    }

    [Fact]
    public void A_project_that_adds_the_package_before_its_first_annotation_builds_clean_every_time()
    {
        var project = Path.Combine(sdk.Root, "not-annotated-yet");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="AiSprint.Sdk" Version="$(AiSprintSdkVersion)" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), "System.Console.WriteLine(\"hello\");\n");
        var first = sdk.Build(project);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains(" 0 Warning(s)", first.Output, StringComparison.Ordinal);
        Assert.Contains("AiSprint: nothing to place yet", first.Output, StringComparison.Ordinal);
        var second = sdk.Build(project);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains(" 0 Warning(s)", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_resources_file_fails_the_build_with_a_located_error_and_each_step_can_be_switched_off()
    {
        var project = sdk.CreateConsumer("no-resources");
        File.Delete(Path.Combine(project, "aisprint", "candidate_resources.yaml"));
        var result = sdk.Build(project, "-p:AiSprintPartitionEnabled=false", "-p:AiSprintTrainEnabled=false");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(@"Consumer\.csproj ?: error AIS0001: the candidate resources file .*candidate_resources\.yaml does not exist", result.Output);
        Assert.DoesNotContain("aisprint.dll partition", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("aisprint.dll regress", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(project, "bin", "Debug", "net10.0", "aisprint", "deployment")));
    }

    [Fact]
    public void A_profile_naming_a_missing_column_fails_the_build_with_a_training_error()
    {
        var project = sdk.CreateConsumer("bad-profile");
        var configuration = Path.Combine(project, "profiling", "mask-detector.ini");
        File.WriteAllText(configuration, File.ReadAllText(configuration).Replace("y = \"time_ms\"", "y = \"latency_ms\"", StringComparison.Ordinal));
        var result = sdk.Build(project, "-p:AiSprintPartitionEnabled=false", "-p:AiSprintPlaceEnabled=false");
        Assert.NotEqual(0, result.ExitCode);
        // At the option's line in the configuration (y is on line 10 of profiling/mask-detector.ini).
        Assert.Matches(@"profiling/mask-detector\.ini\(10,5\): AiSprint error AIS0052: aisprint regress: the target column y = 'latency_ms' does not exist", result.Output);
        // Training runs before the compiler: a failed training stops the build before it.
        Assert.DoesNotContain("Task \"Csc\"", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_profile_switch_and_a_layer_model_item_place_on_measured_and_per_layer_demands()
    {
        var project = sdk.CreateConsumer("measured");
        File.WriteAllText(Path.Combine(project, "Workloads.cs"), """
            using AiSprint.Annotations;

            namespace Consumer;

            public static class Workloads
            {
                [Workload("mask-detector")]
                public static IEnumerable<WorkloadCase> Faces()
                {
                    foreach (var length in new[] { 20_000, 5_000, 80_000 })
                    {
                        var faces = Enumerable.Repeat(0.5f, length).ToArray();
                        yield return WorkloadCase.Run(() => Pipeline.DetectMask(faces)).With("faces", length);
                    }
                }
            }
            """);
        // A per-layer model of the partitioned network, measured here and standing for VM1.
        var layers = Path.Combine(project, "vm1.layers.json");
        var trained = Cli("layers", "train", Path.Combine(project, "models", "squeezenet1_1.onnx"), "-o", layers, "--runs", "2", "--warmup", "1", "--resource", "VM1");
        Assert.True(trained.ExitCode == 0, trained.Output);
        var csproj = Path.Combine(project, "Consumer.csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("</Project>", """
              <ItemGroup>
                <AiSprintLayerModel Include="vm1.layers.json" Resource="VM1" />
              </ItemGroup>
            </Project>
            """, StringComparison.Ordinal));

        var result = sdk.Build(project, "-p:AiSprintProfileEnabled=true", "-p:AiSprintProfileResource=VM3", "-p:AiSprintProfileCores=1",
            "-p:AiSprintProfileRepetitions=3", "-p:AiSprintProfileWarmup=1");
        Assert.True(result.ExitCode == 0, result.ToString());

        // The workload ran in the built application and its measured demand on VM3 joins the placement's inputs.
        var measured = DemandTableCsv.Load(Path.Combine(project, "obj", "Debug", "net10.0", "aisprint", "measured", "mask-detector.demands.csv")).Value!;
        Assert.Contains(measured.Entries, e => e.Resource == "VM3" && e.Demand.Value > 0);
        Assert.Matches(@"AiSprint: .*mask-detector", result.Output);
        var report = File.ReadAllText(Path.Combine(project, "bin", "Debug", "net10.0", "aisprint", "deployment", "report.txt"));
        Assert.Contains("Measured on this machine (aisprint profile)", report, StringComparison.Ordinal);
        // The partitions of blurry-faces-onnx got their VM1 demand from the layer model, the other resources the FLOP share.
        Assert.Contains("blurry-faces-onnx on VM1: per-layer model", report, StringComparison.Ordinal);
        Assert.Contains("blurry-faces-onnx on every other resource: FLOP share", report, StringComparison.Ordinal);
    }

    private static bool Skipped(string output, string target) =>
        output.Contains($"Skipping target \"{target}\" because all output files are up-to-date", StringComparison.Ordinal)
        || output.Contains($"Skipping target \"{target}\" because it has no outputs", StringComparison.Ordinal);

    private static (int ExitCode, string Output) Cli(params string[] arguments)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = AisprintApp.Run(arguments, output, error);
        return (code, output + error.ToString());
    }
}
