using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Formats.Operations;

namespace AiSprint.Cli.Commands;

/// <summary>The files <c>aisprint deploy</c> writes under its output directory (partitions/ and models/ belong to other steps).</summary>
internal static class DeployOutputs
{
    public static readonly string[] Files =
    [
        "deployment/" + ProductionDeploymentYaml.FileName, "deployment/solution.json", "deployment/report.txt",
        "design/design.json", "design/system_description.json", "design/" + ApplicationDagYaml.FileName,
        "design/" + CandidateDeploymentsYaml.FileName, "design/" + CandidateResourcesYaml.FileName, "design/" + ComponentDataSizesYaml.FileName,
        "monitoring/" + PrometheusRules.FileName, "security/" + SecurityPolicy.FileName, Reporting.DeploymentReportHtml.FileName,
    ];

    /// <summary>Removes every file an earlier deploy wrote into <paramref name="directory"/>, and the alternative deployments' designs.</summary>
    public static void Remove(string directory)
    {
        foreach (var file in Files.Select(f => Path.Combine(directory, f)).Where(File.Exists)) File.Delete(file);
        var alternatives = Path.Combine(directory, Supervision.Planning.BuildFolderAlternatives.AlternativesFolder);
        if (Directory.Exists(alternatives)) Directory.Delete(alternatives, recursive: true);
    }
}
