using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Formats.Design;
using AiSprint.Model.Formats.Operations;

namespace AiSprint.Model.Tests.Formats.Operations;

public class SecurityPolicyTests
{
    /// <summary>The wind farm, with shields on the segmenter and trusted execution on the capture (drones: only DroneTegra has secure + measured boot).</summary>
    private static SystemDescription System(bool extraSecurity = true)
    {
        var design = DesignDocumentJson.Parse(DesignSamples.WindFarmJson, "design.json").GetValueOrThrow();
        if (extraSecurity)
        {
            design = design with
            {
                Components = [.. design.Components.Select(c => c.Name switch
                {
                    "defect-segmenter" => c with { Security = new DesignSecurity(false, NetworkShield: true, FilesystemShield: false) },
                    "capture" => c with { Security = new DesignSecurity(true, NetworkShield: false, FilesystemShield: true) },
                    _ => c,
                })],
            };
        }
        return DesignSystemBuilder.Build(design, new DesignBuildInputs
        {
            Resources = CandidateResourcesYaml.ReadFile(DesignSamples.WindFarmResources).GetValueOrThrow(),
            Demands = DemandTableCsv.Load(DesignSamples.WindFarmDemands).GetValueOrThrow(),
        }).GetValueOrThrow().System;
    }

    [Fact]
    public void The_wind_farm_classifier_needs_a_tee_that_sgx_or_secure_and_measured_boot_provide()
    {
        var text = SecurityPolicy.Write(System(extraSecurity: false), solution: null).ReplaceLineEndings("\n");
        Assert.Equal("""
            components:
            - name: defect-classifier
              trustedExecution: true
              networkShield: false
              filesystemShield: false
              qualifyingResources:
              - resource: VMSmall
                rule: SGX enclave
              - resource: VMLarge
                rule: secure and measured boot

            """.ReplaceLineEndings("\n"), text);
    }

    [Fact]
    public void Shields_qualify_on_every_candidate_and_trusted_execution_only_where_the_hardware_allows()
    {
        var text = SecurityPolicy.Write(System(), solution: null).ReplaceLineEndings("\n");
        // Components come in the system's order: blade-detector (none), capture, defect-classifier, defect-segmenter.
        Assert.Contains("""
            - name: capture
              trustedExecution: true
              networkShield: false
              filesystemShield: true
              qualifyingResources:
              - resource: DroneTegra
                rule: secure and measured boot
            - name: defect-classifier
            """.ReplaceLineEndings("\n"), text);
        Assert.Contains("""
            - name: defect-segmenter
              trustedExecution: false
              networkShield: true
              filesystemShield: false
              qualifyingResources:
              - resource: Workstation
                rule: shielding by the container runtime
              - resource: VMSmall
                rule: shielding by the container runtime
              - resource: VMLarge
                rule: shielding by the container runtime
              - resource: Lambda192
                rule: shielding by the container runtime

            """.ReplaceLineEndings("\n"), text);
        Assert.DoesNotContain("blade-detector", text);
        Assert.DoesNotContain("report", text);
        Assert.DoesNotContain("placedOn", text);
    }

    [Fact]
    public void With_a_solution_each_component_says_where_it_runs()
    {
        var solution = new Solution(ValueList.Of(
            new ComponentPlacement("defect-classifier", "s1", ValueList.Of(new PartitionPlacement("h1", "computationalLayer3", "VMSmall", 1))),
            new ComponentPlacement("capture", "s1", ValueList.Of(new PartitionPlacement("h1", "computationalLayer1", "DroneTegra", 1))),
            new ComponentPlacement("report", "s1", ValueList.Of(new PartitionPlacement("h1", "computationalLayer4", "Lambda512", null)))));
        var text = SecurityPolicy.Write(System(), solution).ReplaceLineEndings("\n");
        Assert.Contains("    rule: secure and measured boot\n  placedOn:\n  - DroneTegra\n- name: defect-classifier", text);
        Assert.Contains("    rule: secure and measured boot\n  placedOn:\n  - VMSmall\n- name: defect-segmenter", text);
        // The segmenter is not in this solution: no placedOn for it.
        Assert.EndsWith("    rule: shielding by the container runtime\n", text);
    }

    [Fact]
    public void A_design_without_security_needs_writes_an_empty_list()
    {
        var system = System(extraSecurity: false);
        system = system with { Components = system.Components.Where(c => c.Name != "defect-classifier").ToValueList() };
        Assert.Equal("components: []\n", SecurityPolicy.Write(system, null).ReplaceLineEndings("\n"));
    }
}
