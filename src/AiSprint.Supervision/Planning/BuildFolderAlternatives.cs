using AiSprint.Contract;
using AiSprint.Model;
using AiSprint.Model.Alternatives;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Formats.Space4Ai;

namespace AiSprint.Supervision.Planning;

/// <summary>
/// The alternative deployments <c>aisprint deploy</c> placed for an application with <c>[Alternative]</c> methods, as
/// it left them in the build folder: their metric values in <c>design/deployments_performance.yaml</c> and, per
/// deployment, its compiled design in <c>alternatives/&lt;deployment&gt;/design/</c> (the SPACE4AI-D system and the
/// AI-SPRINT files its production_deployment.yaml is written from). Read again at each fallback, so a rebuild is seen.
/// </summary>
public sealed class BuildFolderAlternatives(string buildDirectory) : IAlternativeDeploymentSource
{
    /// <summary>The build folder's sub-folder holding one folder per alternative deployment.</summary>
    public const string AlternativesFolder = BuildFolderLayout.AlternativesFolder;

    /// <summary>The metric the deployments were characterised with (e.g. <c>average_f1</c>), or null when the build has no alternatives.</summary>
    public string? MetricName => ReadPerformance()?.Metric.Name();

    /// <summary>Problems met by the last <see cref="Read"/>: an alternative whose design is missing or unreadable is left out, and said here.</summary>
    public IReadOnlyList<Diagnostic> Problems { get; private set; } = [];

    /// <inheritdoc/>
    public IReadOnlyList<AlternativeDeployment> Read()
    {
        var problems = new List<Diagnostic>();
        var result = new List<AlternativeDeployment>();
        if (ReadPerformance(problems) is { } performance)
        {
            var metric = performance.Metric.Name();
            foreach (var deployment in performance.Deployments)
            {
                var design = Path.Combine(buildDirectory, AlternativesFolder, deployment.Name, BuildFolder.DesignFolder);
                var systemPath = Path.Combine(design, BuildFolder.SystemFile);
                if (!File.Exists(systemPath))
                {
                    problems.Add(DiagnosticCatalog.FileNotReadable.At(SourceLocation.WholeFile(systemPath),
                        $"the design of the alternative deployment {deployment.Name} is missing; expected what aisprint deploy writes for each deployment it placed"));
                    continue;
                }
                var system = Space4AiSystemReader.Load(systemPath);
                problems.AddRange(system.Diagnostics);
                if (system.Value is null) continue;
                result.Add(new AlternativeDeployment(deployment.Name, system.Value.Value, new Dictionary<string, double> { [metric] = deployment.MetricValue })
                {
                    Application = BuildFolder.ReadApplication(design, problems),
                });
            }
        }
        Problems = problems;
        return result;
    }

    private DeploymentsPerformance? ReadPerformance(List<Diagnostic>? problems = null)
    {
        var path = Path.Combine(buildDirectory, BuildFolder.DesignFolder, DeploymentsPerformanceYaml.FileName);
        if (!File.Exists(path)) return null;
        var read = DeploymentsPerformanceYaml.ReadFile(path);
        problems?.AddRange(read.Diagnostics);
        return read.Value?.Value;
    }
}
