using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using AiSprint.Generators.Tests.Harness;
using AiSprint.Telemetry.Drift;

namespace AiSprint.Generators.Tests.Running;

/// <summary>The generated module initializer, compiled and loaded: the declarations reach the process's drift monitor.</summary>
public sealed class DriftRegistrationRunTests
{
    [Fact]
    public void Loading_the_assembly_registers_its_drift_detectors_with_the_default_monitor()
    {
        var component = "drift-run-" + Guid.NewGuid().ToString("N");
        var source = $$"""
            using AiSprint.Annotations;
            using AiSprint.Telemetry.Drift;

            public static class App
            {
                [Component("{{component}}")]
                [DetectDrift("score", DriftTest.KolmogorovSmirnov, WindowSize = 10, DetectionIntervalSeconds = 3600)]
                [DetectDrift("broken", DriftTest.KolmogorovSmirnov, WindowSize = 3)]
                public static double Score(double x)
                {
                    DriftMetrics.Record("score", x);
                    return x;
                }
            }
            """;
        var (_, output, _) = GeneratorHarness.Run(GeneratorHarness.Compile([("/src/App.cs", source)], "DriftRun" + Guid.NewGuid().ToString("N")));
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var assembly = new AssemblyLoadContext("drift", isCollectible: true).LoadFromStream(image);

        Assert.Throws<KeyNotFoundException>(() => DriftMonitor.Default.GetState(component, "score"));
        RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);

        Assert.Equal(DriftState.AwaitingReference, DriftMonitor.Default.GetState(component, "score"));
        // The invalid declaration (AIS0132) is left out rather than throwing at start.
        Assert.Throws<KeyNotFoundException>(() => DriftMonitor.Default.GetState(component, "broken"));
    }
}
