namespace AiSprint.Contract;

/// <summary>
/// The build's <c>aisprint/</c> folder: what <c>aisprint deploy</c> writes where, and where <c>aisprint supervise</c> and
/// the MSBuild targets (deployment/report.txt and report.html are the deploy step's Outputs) look for it. One layout,
/// so a supervisor reads exactly what a build wrote.
/// </summary>
internal static class BuildFolderLayout
{
    public const string DesignFolder = "design";
    public const string DeploymentFolder = "deployment";
    public const string MonitoringFolder = "monitoring";
    public const string SecurityFolder = "security";

    /// <summary>One folder per deployment of an application with alternatives, each holding that deployment's design/.</summary>
    public const string AlternativesFolder = "alternatives";

    public const string DesignDocumentFile = "design.json";
    public const string SystemDescriptionFile = "system_description.json";
    public const string SolutionFile = "solution.json";
    public const string ReportTextFile = "report.txt";
    public const string ReportHtmlFile = "report.html";
}
