using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.AiSprint;

namespace AiSprint.Model.Tests.Formats.AiSprint;

/// <summary>The AI-SPRINT example files and the reader/writer pair that belongs to each kind of file.</summary>
internal static class AiSprintData
{
    public const string Example1 = "mask_detection_1_partitionable_local_constraints";
    public const string Example2 = "mask_detection_2_partitionable_global_constraint";
    public const string Example3 = "mask_detection_3_components_4CL";
    public static readonly string[] Examples = [Example1, Example2, Example3];

    public static string Dir(string example) => SharedData.PathOf("aisprint", example);

    public static string FileOf(string example, params string[] parts) => SharedData.PathOf(["aisprint", example, .. parts]);

    public static string AppendixSystem => SharedData.PathOf("aisprint", "d21-appendix-c", "system_input.yaml");

    /// <summary>Reads a file with its format's reader; the result is boxed with its diagnostics.</summary>
    public sealed record Format(string FileName, Func<string, string, (object? Value, IReadOnlyList<Diagnostic> Diagnostics)> Read, Func<object, string> Write);

    private static Format Of<T>(string fileName, Func<string, string, LoadResult<Located<T>>> read, Func<T, string> write) where T : class =>
        new(fileName, (text, file) => { var r = read(text, file); return (r.Value?.Value, r.Diagnostics); }, o => write((T)o));

    public static readonly Format[] Formats =
    [
        Of<ApplicationDag>(ApplicationDagYaml.FileName, ApplicationDagYaml.Read, ApplicationDagYaml.Write),
        Of<CandidateDeployments>(CandidateDeploymentsYaml.FileName, CandidateDeploymentsYaml.Read, CandidateDeploymentsYaml.Write),
        Of<ResourceSystem>(CandidateResourcesYaml.FileName, CandidateResourcesYaml.Read, CandidateResourcesYaml.Write),
        Of<OptimizerSettings>(OptimizerSettingsYaml.FileName, OptimizerSettingsYaml.Read, OptimizerSettingsYaml.Write),
        Of<ProductionDeployment>(ProductionDeploymentYaml.FileName, ProductionDeploymentYaml.Read, ProductionDeploymentYaml.Write),
        Of<ComponentDataSizes>(ComponentDataSizesYaml.FileName, ComponentDataSizesYaml.Read, ComponentDataSizesYaml.Write),
        Of<DesignSystem>("system_input.yaml", DesignSystemYaml.Read, DesignSystemYaml.Write),
    ];

    /// <summary>Every YAML file of the shared data that has a reader (physical_nodes.yaml is empty in the only example that has it, and has no format here).</summary>
    public static IEnumerable<(string Path, Format Format)> KnownFiles() =>
        SharedData.Files("aisprint", "*.yaml")
            .Select(p => (p, Formats.FirstOrDefault(f => f.FileName == Path.GetFileName(p))))
            .Where(x => x.Item2 is not null)
            .Select(x => (x.p, x.Item2!));

    public static TheoryData<string> KnownFileNames()
    {
        var data = new TheoryData<string>();
        foreach (var (path, _) in KnownFiles()) data.Add(Path.GetRelativePath(SharedData.PathOf("aisprint"), path));
        return data;
    }

    public static Format FormatOf(string relative) => Formats.Single(f => f.FileName == Path.GetFileName(relative));
}
