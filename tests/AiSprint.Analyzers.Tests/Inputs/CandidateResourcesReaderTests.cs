using AiSprint.Analyzers.Inputs;
using Microsoft.CodeAnalysis.Text;

namespace AiSprint.Analyzers.Tests.Inputs;

/// <summary>The analyzer's reader on the real AI-SPRINT files of ../shared/data (never copied into the repository).</summary>
public sealed class CandidateResourcesReaderTests
{
    public static TheoryData<string, string> RealFiles => new()
    {
        { "mask_detection_1_partitionable_local_constraints", "VM1:8192, VM2:16384" },
        { "mask_detection_2_partitionable_global_constraint", "VM1:8192, VM2:16384" },
        { "mask_detection_3_components_4CL", "VM1:8192, VM2:16384, VM3:8192, AWS-FaaS1:4096, AWS-FaaS2:8192, AWS-FaaS3:16384" },
    };

    private static ParsedFile<CandidateResources> Read(params string[] parts)
    {
        var path = SharedData.PathOf(parts);
        return CandidateResourcesReader.Read(path, SourceText.From(File.ReadAllText(path)));
    }

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void Real_candidate_resources_are_read_without_problems(string example, string expected)
    {
        var parsed = Read("aisprint", example, "common_config", "candidate_resources.yaml");

        Assert.Empty(parsed.Problems);
        Assert.Equal(expected, string.Join(", ", parsed.Value!.Resources.Select(r => r.Name + ":" + r.MemoryMb)));
        Assert.All(parsed.Value.Resources, r => Assert.False(r.CanRunTrusted));
    }

    [Fact]
    public void Nested_domains_route_between_layers_of_different_sub_domains()
    {
        var resources = Read("aisprint", "mask_detection_3_components_4CL", "common_config", "candidate_resources.yaml").Value!;
        var vm1 = resources.Find("VM1")!;
        var vm2 = resources.Find("VM2")!;
        var vm3 = resources.Find("VM3")!;

        // VM1 and VM2 share ND1 (150,000 Mbps); VM1 (ND1) and VM3 (ND2) meet only in ND3 (40,000 Mbps). 2.77 µs access delay.
        Assert.Equal(0.00277 + (8 * 100 / 150000.0 * 1000), resources.TransferMilliseconds(vm1, vm2, 100)!.Value, 9);
        Assert.Equal(0.00277 + (8 * 100 / 40000.0 * 1000), resources.TransferMilliseconds(vm1, vm3, 100)!.Value, 9);
        Assert.Equal(0, resources.TransferMilliseconds(vm3, vm3, 100));
    }

    [Fact]
    public void The_design_document_appendix_layout_is_read_too()
    {
        var parsed = Read("aisprint", "d21-appendix-c", "system_input.yaml");

        Assert.Empty(parsed.Problems);
        Assert.Equal("RaspPi:4096, VM1:8192", string.Join(", ", parsed.Value!.Resources.Select(r => r.Name + ":" + r.MemoryMb)));
        Assert.Equal(["ND1"], parsed.Value.Domains.Select(d => d.Id));
    }
}
