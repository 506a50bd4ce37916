using System.Reflection;
using System.Runtime.Loader;
using AiSprint.Generators.Tests.Harness;
using AiSprint.Telemetry.Tests;

namespace AiSprint.Generators.Tests.Running;

/// <summary>Compiled code with alternatives switches implementation by the deployment identifier, without a rebuild.</summary>
public sealed class AlternativeSwitchRunTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using AiSprint.Annotations;

        [assembly: ApplicationMetric(ApplicationMetrics.AverageRecall, Threshold = 0.5)]

        namespace Runnable;

        public sealed class Classifier
        {
            [Component("{NAME}")]
            public string Classify(int value) => "large:" + value;

            [Alternative("{NAME}", "small")]
            public string ClassifySmall(int value) => "small:" + value;
        }

        public static class Filter
        {
            public static int Calls;

            [Component("filter")]
            public static Task<int> KeepAsync(int value) => Task.FromResult(value);

            [Alternative("filter", "filter-fast")]
            public static Task<int> KeepFastAsync(int value) => Task.FromResult(-value);

            [Component("log")]
            public static void Log(int value) => Calls += value;

            [Alternative("log", "log-none")]
            public static void LogNothing(int value) { }
        }

        public static class Entry
        {
            public static async Task<string> Run(int value)
            {
                Filter.Log(1);
                return new Classifier().Classify(await Filter.KeepAsync(value));
            }
        }
        """;

    [Fact]
    public async Task The_deployment_identifier_picks_each_components_implementation_at_run_time()
    {
        var name = "classifier-" + Guid.NewGuid().ToString("N");
        var assembly = CompileAndLoad(Source.Replace("{NAME}", name));
        var run = assembly.GetType("Runnable.Entry")!.GetMethod("Run")!;
        var deployment = assembly.GetType("AiSprint.Generated.AiSprintDeployment")!;
        var use = deployment.GetMethod("Use")!;
        var calls = assembly.GetType("Runnable.Filter")!.GetField("Calls")!;
        using var recorder = new MeasurementRecorder(name);

        Assert.Equal("large:3", await (Task<string>)run.Invoke(null, [3])!);
        use.Invoke(null, ["small, filter-fast,log-none"]);
        Assert.Equal("small:-3", await (Task<string>)run.Invoke(null, [3])!);
        Assert.Equal("filter-fast,log-none,small", string.Join(",", ((string)deployment.GetProperty("Current")!.GetValue(null)!).Split(',').Order()));
        use.Invoke(null, ["small"]);
        Assert.Equal("small:3", await (Task<string>)run.Invoke(null, [3])!);
        use.Invoke(null, [null]);
        Assert.Equal("large:3", await (Task<string>)run.Invoke(null, [3])!);

        // The void component ran its original three times and its no-op alternative once.
        Assert.Equal(3, (int)calls.GetValue(null)!);
        // Whichever implementation ran, the call is timed as the component.
        Assert.Equal(4, recorder.Durations.Count);
    }

    [Fact]
    public void An_unknown_alternative_in_the_identifier_is_refused_with_the_known_ones()
    {
        var assembly = CompileAndLoad(Source.Replace("{NAME}", "classifier"));
        var use = assembly.GetType("AiSprint.Generated.AiSprintDeployment")!.GetMethod("Use")!;
        var error = Assert.Throws<TargetInvocationException>(() => use.Invoke(null, ["smal"])).InnerException!;
        Assert.IsType<ArgumentException>(error);
        Assert.Contains("expected a comma-separated subset of filter-fast, log-none, small", error.Message);
    }

    [Fact]
    public void The_environment_variable_sets_the_deployment_at_start()
    {
        var assembly = CompileAndLoad(Source.Replace("{NAME}", "classifier"));
        var deployment = assembly.GetType("AiSprint.Generated.AiSprintDeployment")!;
        Assert.Equal("AISPRINT_DEPLOYMENT", deployment.GetField("EnvironmentVariable")!.GetValue(null));
        // The class reads the variable in its type initialiser: set it before the first touch, in this fresh assembly.
        Environment.SetEnvironmentVariable("AISPRINT_DEPLOYMENT", "small");
        try
        {
            Assert.Equal("small", deployment.GetProperty("Current")!.GetValue(null));
        }
        finally
        {
            Environment.SetEnvironmentVariable("AISPRINT_DEPLOYMENT", null);
        }
    }

    [Fact]
    public void The_design_document_lists_the_alternatives_and_the_metric()
    {
        var assembly = CompileAndLoad(Source.Replace("{NAME}", "classifier"));
        using var document = System.Text.Json.JsonDocument.Parse(assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AiSprint.Design").Value!);
        var alternatives = document.RootElement.GetProperty("alternatives").EnumerateArray()
            .Select(a => (a.GetProperty("component").GetString(), a.GetProperty("name").GetString())).ToArray();
        Assert.Equal([("classifier", "small"), ("filter", "filter-fast"), ("log", "log-none")], alternatives);
        var metric = document.RootElement.GetProperty("applicationMetric");
        Assert.Equal(("average_recall", 0.5), (metric.GetProperty("metricName").GetString(), metric.GetProperty("threshold").GetDouble()));
    }

    private static Assembly CompileAndLoad(string source)
    {
        var (_, output, _) = GeneratorHarness.Run(GeneratorHarness.Compile([("/src/Runnable.cs", source)], "Alternatives" + Guid.NewGuid().ToString("N")));
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        return new AssemblyLoadContext("alternatives", isCollectible: true).LoadFromStream(image);
    }
}
