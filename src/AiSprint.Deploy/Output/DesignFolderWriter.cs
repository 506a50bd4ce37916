using AiSprint.Model;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Formats.Space4Ai;

namespace AiSprint.Deploy.Output;

/// <summary>
/// design/: the design document as the generator wrote it, the SPACE4AI-D system built from it and the AI-SPRINT files
/// (application_dag.yaml, candidate_deployments.yaml, candidate_resources.yaml, component data sizes) a supervisor and
/// the Studio's tools read.
/// </summary>
internal static class DesignFolderWriter
{
    public static void Write(string directory, string designJson, AiSprintApplication application, SystemDescription system)
    {
        var design = Path.Combine(directory, BuildFolderLayout.DesignFolder);
        AtomicFile.WriteAllText(Path.Combine(design, BuildFolderLayout.DesignDocumentFile), designJson.EndsWith('\n') ? designJson : designJson + "\n");
        Space4AiSystemWriter.WriteFile(system, Path.Combine(design, BuildFolderLayout.SystemDescriptionFile));
        AtomicFile.WriteAllText(Path.Combine(design, ApplicationDagYaml.FileName), ApplicationDagYaml.Write(application.Dag));
        AtomicFile.WriteAllText(Path.Combine(design, CandidateDeploymentsYaml.FileName), CandidateDeploymentsYaml.Write(application.Deployments));
        AtomicFile.WriteAllText(Path.Combine(design, CandidateResourcesYaml.FileName), CandidateResourcesYaml.Write(application.Resources));
        if (application.DataSizes is { } sizes) AtomicFile.WriteAllText(Path.Combine(design, ComponentDataSizesYaml.FileName), ComponentDataSizesYaml.Write(sizes));
    }
}
