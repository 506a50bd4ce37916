namespace AiSprint.Tests;

/// <summary>Inputs of the design-model tests: the wind-farm design as the generator writes it, and our candidate resources.</summary>
public static class DesignSamples
{
    /// <summary>Where the wind-farm design's annotations "are": every location points into this file.</summary>
    public const string Source = "/src/WindFarm/Inspection.cs";

    /// <summary>The wind-farm sample's design document (samples/WindFarm), with a made-up source path.</summary>
    public const string WindFarmJson = """
        {
          "schema": "aisprint-design/1",
          "assembly": "WindFarm",
          "components": [
            { "name": "blade-detector", "method": "WindFarm.Inspection.DetectBlade", "location": { "file": "/src/WindFarm/Inspection.cs", "line": 39, "column": 26 },
              "localThresholdMs": null, "security": null, "partitionable": null, "expectedRequestsPerSecond": null,
              "deviceConstraints": { "ramMb": 48, "vramMb": 0, "useGpuFor": [] } },
            { "name": "capture", "method": "WindFarm.Inspection.Capture", "location": { "file": "/src/WindFarm/Inspection.cs", "line": 25, "column": 25 },
              "localThresholdMs": null, "security": null, "partitionable": null, "expectedRequestsPerSecond": 0.25,
              "deviceConstraints": { "ramMb": 64, "vramMb": 0, "useGpuFor": [] } },
            { "name": "defect-classifier", "method": "WindFarm.Inspection.Classify", "location": { "file": "/src/WindFarm/Inspection.cs", "line": 68, "column": 27 },
              "localThresholdMs": null, "security": { "trustedExecution": true, "networkShield": false, "filesystemShield": false }, "partitionable": null,
              "expectedRequestsPerSecond": null, "deviceConstraints": { "ramMb": 64, "vramMb": 0, "useGpuFor": [] } },
            { "name": "defect-segmenter", "method": "WindFarm.Inspection.Segment", "location": { "file": "/src/WindFarm/Inspection.cs", "line": 49, "column": 49 },
              "localThresholdMs": null, "security": null, "partitionable": null, "expectedRequestsPerSecond": null,
              "deviceConstraints": { "ramMb": 96, "vramMb": 0, "useGpuFor": [] } },
            { "name": "report", "method": "WindFarm.Inspection.Report", "location": { "file": "/src/WindFarm/Inspection.cs", "line": 78, "column": 26 },
              "localThresholdMs": 2500, "security": null, "partitionable": null, "expectedRequestsPerSecond": null,
              "deviceConstraints": { "ramMb": 256, "vramMb": 0, "useGpuFor": [] } }
          ],
          "dag": [
            { "from": "blade-detector", "to": "defect-segmenter", "probability": 1, "dataSizeMb": 4.5 },
            { "from": "capture", "to": "blade-detector", "probability": 0.9, "dataSizeMb": 4.5 },
            { "from": "defect-classifier", "to": "report", "probability": 0.1, "dataSizeMb": 0.1 },
            { "from": "defect-segmenter", "to": "defect-classifier", "probability": 1, "dataSizeMb": 2 }
          ],
          "localConstraints": [ { "component": "report", "thresholdMs": 2500 } ],
          "globalConstraints": [ { "name": "inspection", "path": [ "capture", "blade-detector", "defect-segmenter", "defect-classifier" ], "thresholdMs": 3000 } ]
        }
        """;

    /// <summary>samples/WindFarm/aisprint/common_config/candidate_resources.yaml: drones (edge), a field van, cloud VMs, functions.</summary>
    public static string WindFarmResources =>
        Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, "samples", "WindFarm", "aisprint", "common_config", "candidate_resources.yaml");

    /// <summary>samples/WindFarm/demands.csv.</summary>
    public static string WindFarmDemands => Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, "samples", "WindFarm", "demands.csv");
}
