using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AiSprint.Contract.Inputs;
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
        AiSprintRules.InvalidFeasibilityFile).AddRange(InputRules.All);

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
                    var fileRule = file.Design ? AiSprintRules.InvalidDesignFile : AiSprintRules.InvalidFeasibilityFile;
                    foreach (var problem in file.Problems)
                    {
                        var rule = problem.Rule is { } shared ? InputRules.For(shared) : fileRule;
                        fileContext.ReportDiagnostic(Diagnostic.Create(rule, problem.Location, name, problem.Message));
                    }
                }

                // A resources file with problems is off for this rule: a resource it failed to read is no unknown name.
                if (all.UsableResources is { } resources)
                {
                    ReportUnknownResources(all, path, name, resources, fileContext.ReportDiagnostic);
                }
            });
        });
    }

    /// <summary>
    /// A demand on a resource the candidates do not define is a misspelt name, in one file or the other. When the closest
    /// candidate (unambiguously) is named by no demand at all, the candidate is the odd one out: it is reported once, at its line in
    /// candidate_resources.yaml, with the name the demands use. Otherwise each row is reported at its line in the
    /// demands file, with the closest candidate name.
    /// </summary>
    private static void ReportUnknownResources(ProjectInputs inputs, string path, string name, CandidateResources resources, Action<Diagnostic> report)
    {
        if (inputs.Demands is not { } demands)
        {
            return;
        }

        var candidateNames = resources.Resources.Select(r => r.Name).ToArray();
        var named = new HashSet<string>(demands.All.Select(d => d.Resource), StringComparer.Ordinal);
        var unknown = demands.All.Where(d => resources.Find(d.Resource) is null).ToList();
        var misspeltCandidates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in unknown.Select(d => d.Resource).Distinct(StringComparer.Ordinal).OrderBy(r => r, StringComparer.Ordinal))
        {
            // Only a candidate no demand names can be the misspelt one (a named candidate is evidently spelt as the demands
            // spell it), and only when it is the one closest: with a tie the demands row may as well be the typo.
            if (NameSuggestion.ClosestUnambiguous(resource, candidateNames.Where(n => !named.Contains(n)).ToArray()) is { } closest
                && !misspeltCandidates.ContainsValue(closest))
            {
                misspeltCandidates.Add(resource, closest);
            }
        }

        if (name.Equals(CandidateResourcesReader.FileName, StringComparison.OrdinalIgnoreCase))
        {
            foreach (var pair in misspeltCandidates)
            {
                var candidate = resources.Find(pair.Value)!;
                report(Diagnostic.Create(
                    InputRules.UnknownResource,
                    candidate.Location,
                    name,
                    "resource '" + pair.Value + "' is named by no demand, while the demands name '" + pair.Key + "', which this file lacks; did you mean '" + pair.Key + "'?"));
            }

            return;
        }

        foreach (var demandsFile in inputs.DemandFiles.Where(f => f.Path == path && f.Value is not null))
        {
            foreach (var row in demandsFile.Value!.All.Where(r => resources.Find(r.Resource) is null && !misspeltCandidates.ContainsKey(r.Resource)).OrderBy(r => r.Location.SourceSpan.Start))
            {
                var hint = NameSuggestion.Closest(row.Resource, candidateNames) is { } closest ? "did you mean '" + closest + "'? " : string.Empty;
                report(Diagnostic.Create(
                    InputRules.UnknownResource,
                    row.Location,
                    name,
                    "resource '" + row.Resource + "' is not in " + CandidateResourcesReader.FileName + "; " + hint + "expected one of " + string.Join(", ", candidateNames)));
            }
        }
    }
}
