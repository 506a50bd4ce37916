using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Validation;
using YamlDotNet.RepresentationModel;

namespace AiSprint.Model.Formats.Operations;

/// <summary>
/// security/policy.yaml: which components need a trusted execution environment or SCONE-style network /
/// filesystem shielding, which of their candidate resources qualify (and by which rule), and where the
/// placement put them. Trusted execution qualifies on SGX, or on secure + measured boot (the design
/// document's fallback); the shields are enforced by the container runtime on any resource.
/// </summary>
public static class SecurityPolicy
{
    /// <summary>The file's name in the deployment output.</summary>
    public const string FileName = "policy.yaml";

    /// <summary>The policy's YAML text: the security requirements of each component, with the resources <paramref name="solution"/> chose (none chosen yet when null).</summary>
    public static string Write(SystemDescription system, Solution? solution)
    {
        var resources = system.Layers.SelectMany(l => l.Resources).ToDictionary(r => r.Name);
        var components = new YamlSequenceNode();
        foreach (var component in system.Components)
        {
            var requirements = component.AllPartitions.Select(p => p.Requirements).FirstOrDefault(r => r is not null);
            if (requirements is not { NeedsSecurity: true }) continue;
            var candidates = component.AllPartitions.SelectMany(p => p.Candidates).Select(c => c.Resource).Distinct().ToList();
            var node = new YamlMappingNode
            {
                { "name", YamlOutput.Str(component.Name) },
                { "trustedExecution", YamlOutput.Bool(requirements.TrustedExecution) },
                { "networkShield", YamlOutput.Bool(requirements.NetworkProtection) },
                { "filesystemShield", YamlOutput.Bool(requirements.FileSystemProtection) },
            };
            var qualifying = new YamlSequenceNode();
            foreach (var name in candidates)
            {
                if (!resources.TryGetValue(name, out var resource)) continue;
                var rule = Rule(resource, requirements.TrustedExecution);
                if (rule is null) continue;
                qualifying.Add(new YamlMappingNode { { "resource", YamlOutput.Str(name) }, { "rule", YamlOutput.Str(rule) } });
            }
            node.Add("qualifyingResources", qualifying);
            if (solution?.FindComponent(component.Name) is { } placed)
            {
                node.Add("placedOn", YamlOutput.Strings(placed.Partitions.Select(p => p.Resource).Distinct()));
            }
            components.Add(node);
        }
        return YamlOutput.Emit(new YamlMappingNode { { "components", components } });
    }

    private static string? Rule(Resource resource, bool trusted)
    {
        if (!trusted) return "shielding by the container runtime";
        if (!SystemValidator.CanRunTrusted(resource)) return null;
        return resource is NodeResource { HasSgx: true } ? "SGX enclave" : "secure and measured boot";
    }
}
