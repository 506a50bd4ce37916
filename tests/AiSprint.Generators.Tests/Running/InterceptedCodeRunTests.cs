using System.Reflection;
using System.Runtime.Loader;
using AiSprint.Generators.Tests.Harness;
using AiSprint.Telemetry.Tests;
using Microsoft.CodeAnalysis;

namespace AiSprint.Generators.Tests.Running;

/// <summary>Compiles annotated code with the generator, loads it and runs it: the interceptors must really time the calls.</summary>
public sealed class InterceptedCodeRunTests
{
    private const string Source = """
        using System.Threading;
        using System.Threading.Tasks;
        using AiSprint.Annotations;

        namespace Runnable;

        public sealed class Worker
        {
            [Component("{SLOW}")]
            [ExecTime(1, TimeUnit.Milliseconds)]
            public int Slow(int value)
            {
                Thread.Sleep(15);
                return value * 2;
            }

            [Component("{FAST}")]
            [ExecTime(60, TimeUnit.Seconds)]
            public static int Fast(int value) => value + 1;

            [Component("{ASYNC}")]
            public async Task<int> LaterAsync(int value)
            {
                await Task.Delay(10);
                return value + 100;
            }
        }

        public static class Entry
        {
            public static int Run()
            {
                var worker = new Worker();
                return worker.Slow(20) + Worker.Fast(1) + Worker.Fast(2);
            }

            public static Task<int> RunAsync() => new Worker().LaterAsync(1);
        }
        """;

    [Fact]
    public async Task Running_intercepted_calls_records_durations_and_local_violations()
    {
        // Unique names: the meter is process-wide and other tests run in parallel.
        var suffix = Guid.NewGuid().ToString("N");
        var (slow, fast, later) = ("slow-" + suffix, "fast-" + suffix, "async-" + suffix);
        var assembly = CompileAndLoad(Source.Replace("{SLOW}", slow).Replace("{FAST}", fast).Replace("{ASYNC}", later));
        var entry = assembly.GetType("Runnable.Entry")!;
        using var slowRecorder = new MeasurementRecorder(slow);
        using var fastRecorder = new MeasurementRecorder(fast);
        using var asyncRecorder = new MeasurementRecorder(later);

        var result = (int)entry.GetMethod("Run")!.Invoke(null, null)!;
        var asyncResult = await (Task<int>)entry.GetMethod("RunAsync")!.Invoke(null, null)!;

        Assert.Equal(40 + 2 + 3, result);
        Assert.Equal(101, asyncResult);
        Assert.InRange(Assert.Single(slowRecorder.Durations), 10.0, 10_000.0);
        Assert.Equal("local", Assert.Single(slowRecorder.Violations).Scope);
        Assert.Equal(2, fastRecorder.Durations.Count);
        Assert.Empty(fastRecorder.Violations);
        Assert.InRange(Assert.Single(asyncRecorder.Durations), 5.0, 10_000.0);
    }

    [Fact]
    public void The_design_document_is_readable_from_assembly_metadata()
    {
        var assembly = CompileAndLoad(Source.Replace("{SLOW}", "slow").Replace("{FAST}", "fast").Replace("{ASYNC}", "async"));

        var json = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AiSprint.Design").Value!;

        // The document is embedded once: the metadata the build reads, no second copy as a constant nothing reads.
        Assert.Null(assembly.GetType("AiSprint.Generated.AiSprintDesign"));
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var names = document.RootElement.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(new[] { "async", "fast", "slow" }, names);
    }

    [Fact]
    public void A_non_positive_threshold_still_times_the_call_without_a_local_constraint()
    {
        var name = "zero-" + Guid.NewGuid().ToString("N");
        var assembly = CompileAndLoad($$"""
            using AiSprint.Annotations;
            namespace Runnable;
            public static class Entry
            {
                [Component("{{name}}")]
                [ExecTime(0, TimeUnit.Milliseconds)]
                public static int Zero() => 7;

                public static int Run() => Zero();
            }
            """);
        using var recorder = new MeasurementRecorder(name);

        var result = (int)assembly.GetType("Runnable.Entry")!.GetMethod("Run")!.Invoke(null, null)!;

        Assert.Equal(7, result);
        Assert.Single(recorder.Durations);
        Assert.Empty(recorder.Violations);
    }

    [Fact]
    public void Intercepted_calls_along_a_global_path_record_the_path_and_its_violation()
    {
        var suffix = Guid.NewGuid().ToString("N");
        var (first, last, path) = ("first-" + suffix, "last-" + suffix, "path-" + suffix);
        var assembly = CompileAndLoad($$"""
            using System.Threading;
            using AiSprint.Annotations;
            namespace Runnable;
            public static class Entry
            {
                [Component("{{first}}")]
                public static int First(int v) { Thread.Sleep(10); return v + 1; }

                [Component("{{last}}")]
                [GlobalExecTime("{{path}}", 5, TimeUnit.Milliseconds, "{{first}}")]
                public static int Last(int v) { Thread.Sleep(10); return v * 2; }

                public static int Run() => Last(First(1));
            }
            """);
        using var recorder = new MeasurementRecorder(path);

        var result = (int)assembly.GetType("Runnable.Entry")!.GetMethod("Run")!.Invoke(null, null)!;

        Assert.Equal(4, result);
        Assert.InRange(Assert.Single(recorder.PathDurations).Value, 15.0, 10_000.0);
        Assert.Equal((1L, "global"), Assert.Single(recorder.Violations));
    }

    [Fact]
    public async Task A_host_calls_a_component_through_the_generated_entry_point_and_the_call_is_timed()
    {
        var name = "entry-" + Guid.NewGuid().ToString("N");
        var assembly = CompileAndLoad($$"""
            using System.Threading.Tasks;
            using AiSprint.Annotations;
            namespace Runnable;
            public static class Handlers
            {
                [Component("{{name}}")]
                [ExecTime(1, TimeUnit.Milliseconds)]
                public static async Task<string> Handle(string body)
                {
                    await Task.Delay(10);
                    return body.ToUpperInvariant();
                }
            }
            """);
        using var recorder = new MeasurementRecorder(name);
        // What a Lambda-style runtime does with "Assembly::AiSprint.Generated.AiSprintComponents::Method": find it by name, invoke it.
        var components = assembly.GetType("AiSprint.Generated.AiSprintComponents")!;
        var handler = Assert.Single(components.GetMethods(BindingFlags.Public | BindingFlags.Static));

        var result = await (Task<string>)handler.Invoke(null, ["mask"])!;

        Assert.Equal("MASK", result);
        Assert.Equal("body", Assert.Single(handler.GetParameters()).Name);
        Assert.InRange(Assert.Single(recorder.Durations), 5.0, 10_000.0);
        Assert.Equal("local", Assert.Single(recorder.Violations).Scope);
        using var design = System.Text.Json.JsonDocument.Parse(assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AiSprint.Design").Value!);
        Assert.Equal("AiSprint.Generated.AiSprintComponents." + handler.Name, design.RootElement.GetProperty("components")[0].GetProperty("entryPoint").GetString());
    }

    private static Assembly CompileAndLoad(string source)
    {
        var (_, output, _) = GeneratorHarness.Run(GeneratorHarness.Compile([("/src/Runnable.cs", source)], "Runnable" + Guid.NewGuid().ToString("N")));
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        // Collectible so repeated runs do not pile up assemblies; AiSprint.Telemetry resolves from the default context.
        return new AssemblyLoadContext("intercepted", isCollectible: true).LoadFromStream(image);
    }
}
