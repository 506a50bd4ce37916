using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AiSprint.Analyzers.Inputs;

/// <summary>
/// Reports what is wrong in the AdditionalFiles the other analyzers read (AIS0111 for the DAG files, AIS1000 for the
/// resources and demands), at the line in the file: a file that cannot be read is never silently ignored. Reported
/// from an additional-file action, so the IDE shows them live when the file is open.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InputFileAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        AiSprintRules.InvalidDesignFile,
        AiSprintRules.InvalidFeasibilityFile);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var inputs = new PerCompilation<ProjectInputs>(ct => ProjectInputs.Read(start.Options, ct));
            start.RegisterAdditionalFileAction(fileContext =>
            {
                var path = fileContext.AdditionalFile.Path;
                var all = inputs.Get(fileContext.CancellationToken);
                var name = ProjectInputs.FileName(path);
                foreach (var file in all.ParsedFiles().Where(f => f.Path == path))
                {
                    var rule = file.Design ? AiSprintRules.InvalidDesignFile : AiSprintRules.InvalidFeasibilityFile;
                    foreach (var problem in file.Problems)
                    {
                        fileContext.ReportDiagnostic(Diagnostic.Create(rule, problem.Location, name, problem.Message));
                    }
                }

                if (all.Resources?.Value is { } resources)
                {
                    ReportUnknownResources(all, path, name, resources, fileContext.ReportDiagnostic);
                }
            });
        });
    }

    /// <summary>A demand on a resource the candidates do not define is most often a misspelt name; its row would be ignored.</summary>
    private static void ReportUnknownResources(ProjectInputs inputs, string path, string name, CandidateResources resources, Action<Diagnostic> report)
    {
        foreach (var demands in inputs.DemandFiles.Where(f => f.Path == path && f.Value is not null))
        {
            foreach (var row in demands.Value!.All.Where(r => resources.Find(r.Resource) is null).OrderBy(r => r.Location.SourceSpan.Start))
            {
                var known = string.Join(", ", resources.Resources.Select(r => r.Name));
                var hint = NameSuggestion.Closest(row.Resource, resources.Resources.Select(r => r.Name).ToArray()) is { } closest ? "did you mean '" + closest + "'? " : string.Empty;
                report(Diagnostic.Create(
                    AiSprintRules.InvalidFeasibilityFile,
                    row.Location,
                    name,
                    "resource '" + row.Resource + "' is not in " + CandidateResourcesReader.FileName + "; " + hint + "expected one of " + known));
            }
        }
    }
}
