namespace AiSprint.Analyzers.Tests.Harness;

/// <summary>
/// A small candidate_resources.yaml covering each feasibility case: an edge device with secure boot only, a VM with
/// neither, a VM with SGX, and a VM with secure and measured boot; one network domain of 80 Mbps and 2 ms access delay
/// holds both layers.
/// </summary>
internal static class TestInputs
{
    public const string Resources = """
        System:
          name: Test system
          NetworkDomains:
            ND1:
              name: Edge and cloud
              AccessDelay: 0.002
              Bandwidth: 80
              subNetworkDomains: []
              ComputationalLayers:
                edge:
                  name: Edge
                  number: 1
                  type: PhysicalAlreadyProvisioned
                  Resources:
                    resource1:
                      name: Pi
                      totalNodes: 1
                      cost: 0.1
                      memorySize: 4096
                      secureBoot: True
                      measuredBoot: False
                      processors:
                        processor1:
                          computingUnits: 4
                          SGXFlag: False
                cloud:
                  name: Cloud
                  number: 2
                  type: Virtual
                  Resources:
                    resource1:
                      name: VM1
                      totalNodes: 2
                      cost: 1.2
                      memorySize: 8192
                      secureBoot: False
                      measuredBoot: False
                      processors:
                        processor1:
                          computingUnits: 4
                          SGXFlag: False
                    resource2:
                      name: VM2
                      totalNodes: 2
                      cost: 1.8
                      memorySize: 16384
                      secureBoot: False
                      measuredBoot: False
                      processors:
                        processor1:
                          computingUnits: 8
                          SGXFlag: True
                    resource3:
                      name: VM3
                      totalNodes: 2
                      cost: 1.5
                      memorySize: 8192
                      secureBoot: True
                      measuredBoot: True
                      processors:
                        processor1:
                          computingUnits: 4
                          SGXFlag: False
        """;

    public static (string Name, string Text) ResourcesFile => ("candidate_resources.yaml", Resources);

    public static (string Name, string Text) Demands(params string[] rows) =>
        ("app.demands.csv", "# component, resource, demand (ms)\ncomponent,resource,demand_ms\n" + string.Join("\n", rows) + "\n");
}
