using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Formats.Operations;

namespace AiSprint.Deploy.Output;

/// <summary>The files a deploy writes under its output directory (partitions/ and models/ belong to other steps).</summary>
internal static class DeployOutputs
{
    private const string Deployment = BuildFolderLayout.DeploymentFolder + "/";
    private const string Design = BuildFolderLayout.DesignFolder + "/";

    public static readonly string[] Files =
    [
        Deployment + ProductionDeploymentYaml.FileName, Deployment + BuildFolderLayout.SolutionFile, Deployment + BuildFolderLayout.ReportTextFile,
        Design + BuildFolderLayout.DesignDocumentFile, Design + BuildFolderLayout.SystemDescriptionFile, Design + ApplicationDagYaml.FileName,
        Design + CandidateDeploymentsYaml.FileName, Design + CandidateResourcesYaml.FileName, Design + ComponentDataSizesYaml.FileName,
        BuildFolderLayout.MonitoringFolder + "/" + PrometheusRules.FileName, BuildFolderLayout.SecurityFolder + "/" + SecurityPolicy.FileName,
        BuildFolderLayout.ReportHtmlFile,
    ];

    /// <summary>Removes every file an earlier deploy wrote into <paramref name="directory"/>, and the alternative deployments' designs.</summary>
    public static void Remove(string directory)
    {
        foreach (var file in Files.Select(f => Path.Combine(directory, f)).Where(File.Exists)) File.Delete(file);
        var alternatives = Path.Combine(directory, BuildFolderLayout.AlternativesFolder);
        if (Directory.Exists(alternatives)) Directory.Delete(alternatives, recursive: true);
    }

    /// <summary>Removes an earlier placement's descriptors: when none is feasible now, they would be deployed by mistake.</summary>
    public static void RemovePlacement(string directory)
    {
        var deployment = Path.Combine(directory, BuildFolderLayout.DeploymentFolder);
        foreach (var stale in new[] { BuildFolderLayout.SolutionFile, ProductionDeploymentYaml.FileName }.Select(f => Path.Combine(deployment, f)).Where(File.Exists)) File.Delete(stale);
    }
}
