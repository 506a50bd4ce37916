using AiSprint.Model.Formats.Design;

namespace AiSprint.Sdk.Tests;

/// <summary>
/// A class library that references the packed SDK, built with the profile switch on: the build profiles its workload
/// in aisprint's profiling host (a library has no Main) and predicts the measured demand.
/// </summary>
[Collection(PackedSdkCollection.Name)]
public sealed class LibraryProfileBuildTests(PackedSdk sdk)
{
    [Fact]
    public void The_profile_switch_measures_the_workloads_of_a_class_library()
    {
        var project = sdk.CreateProject("library-profile", "Components");
        var csproj = Path.Combine(project, "Components.csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace("<OutputType>Exe</OutputType>", "<OutputType>Library</OutputType>", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(project, "Inspection.cs"), """
            using AiSprint.Annotations;

            namespace Components;

            public static class Inspection
            {
                [Component("frame-filter")]
                public static int Filter(int pixels)
                {
                    Thread.Sleep(pixels / 1000);
                    return pixels;
                }

                [Workload("frame-filter")]
                public static IEnumerable<WorkloadCase> Frames()
                {
                    foreach (var pixels in new[] { 20_000, 5_000, 40_000 })
                    {
                        yield return WorkloadCase.Run(() => Filter(pixels)).With("pixels", pixels);
                    }
                }
            }
            """);

        // Placement needs demands on every candidate; this test is about the measurement only.
        var result = sdk.Build(project, "-p:AiSprintProfileEnabled=true", "-p:AiSprintProfileResource=VM1", "-p:AiSprintProfileCores=1",
            "-p:AiSprintProfileRepetitions=3", "-p:AiSprintProfileWarmup=1", "-p:AiSprintPlaceEnabled=false");

        Assert.True(result.ExitCode == 0, result.ToString());
        // The package's runtime was copied beside the library for the profiling host to load it from there.
        Assert.True(File.Exists(Path.Combine(project, "bin", "Debug", "net10.0", "AiSprint.Telemetry.dll")), result.ToString());
        var dataset = File.ReadAllLines(Path.Combine(project, "bin", "Debug", "net10.0", "aisprint", "profiles", "frame-filter.csv"));
        Assert.Equal("pixels,cores,memory_mb,resource,processor,time_ms", dataset[0]);
        Assert.Equal(3 * 3, dataset.Length - 1);
        var measured = DemandTableCsv.Load(Path.Combine(project, "obj", "Debug", "net10.0", "aisprint", "measured", "frame-filter.demands.csv")).Value!;
        Assert.Contains(measured.Entries, e => e.Component == "frame-filter" && e.Resource == "VM1" && e.Demand.Value > 0);
    }
}
