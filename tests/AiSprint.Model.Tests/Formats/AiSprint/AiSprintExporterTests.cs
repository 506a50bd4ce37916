using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Formats.Space4Ai;

namespace AiSprint.Model.Tests.Formats.AiSprint;

public class AiSprintExporterTests
{
    public static TheoryData<string> SystemFiles() => Space4Ai.Space4AiSystemRoundTripTests.SystemFiles();

    /// <summary>
    /// System JSON → AI-SPRINT YAML directory → system JSON keeps everything YAML can hold: the DAG,
    /// every deployment and partition with its candidates and data sizes, layers and resources,
    /// and the network (nested, then flattened back).
    /// </summary>
    [Theory]
    [MemberData(nameof(SystemFiles))]
    public void A_system_survives_the_trip_through_an_application_directory(string relativePath)
    {
        var original = Space4AiSystemReader.Load(Path.Combine(SharedData.Root, relativePath)).GetValueOrThrow();
        var directory = Directory.CreateTempSubdirectory("aisprint-export-").FullName;
        try
        {
            var exported = AiSprintExporter.FromSystemDescription(original.Value, directory, original.Map);
            Assert.True(exported.Succeeded, string.Join("\n", exported.Diagnostics));
            var mixedSizes = original.Value.Components.SelectMany(c => c.AllPartitions).Count(p => p.Outputs.Select(o => o.Size).Distinct().Count() > 1);
            Assert.Equal(mixedSizes, exported.Diagnostics.Count(d => d.Code == "AIS0026" && d.Message.Contains("different sizes")));
            AiSprintExporter.WriteDirectory(exported.Value!, directory);

            var loaded = AiSprintApplicationLoader.Load(directory).GetValueOrThrow();
            var back = AiSprintConverter.ToSystemDescription(loaded, new AiSprintConversionOptions { Lambda = original.Value.Lambda }).GetValueOrThrow().Value;
            var expected = original.Value;

            Assert.Equal(expected.Dag.Select(e => (e.From, e.To, e.Probability)), back.Dag.Select(e => (e.From, e.To, e.Probability)));
            Assert.Equal(Shape(expected), Shape(back));
            Assert.Equal(
                expected.Layers.Select(l => (l.Name, l.Kind, Resources: string.Join(";", l.Resources.Select(Describe)))),
                back.Layers.Select(l => (l.Name, l.Kind, Resources: string.Join(";", l.Resources.Select(Describe)))));
            Assert.Equal(
                expected.NetworkDomains.Select(d => (d.Id, d.AccessDelay, d.Bandwidth, string.Join(",", d.Layers.Order()))),
                back.NetworkDomains.Select(d => (d.Id, d.AccessDelay, d.Bandwidth, string.Join(",", d.Layers.Order()))));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>YAML has one data size per entry: a partition's sizes to different successors become their maximum (with a warning).</summary>
    private static IEnumerable<string> Shape(SystemDescription system) =>
        system.Components.SelectMany(c => c.Deployments.SelectMany(d => d.Partitions.Select(p =>
            $"{c.Name}/{d.Name}/{p.Name}: [{string.Join(",", p.Candidates.Select(x => x.Resource))}] -> [{string.Join(",", p.Outputs.Select(o => $"{o.Target}:{p.Outputs.Max(x => x.Size.Value)}"))}]")));

    private static string Describe(Resource r) => r switch
    {
        NodeResource n => $"{n.Name} {n.Memory} {n.CostPerHour} x{n.MaxNodes}",
        FaasConfiguration f => $"{f.Name} {f.Memory} {f.Cost} idle {f.IdleTimeBeforeKill} transition {f.TransitionCost}",
        _ => r.Name,
    };
}
