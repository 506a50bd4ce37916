using System.Text.RegularExpressions;
using AiSprint.Contract.Diagnostics;
using Microsoft.CodeAnalysis;

namespace AiSprint.Analyzers.Tests.Rules;

/// <summary>The catalogue: IDs in range and unique, help links from the one helper, each rule documented and release-tracked.</summary>
public sealed class RuleCatalogueTests
{
    private static readonly DiagnosticDescriptor[] Rules =
    [
        .. new AnnotationAnalyzer().SupportedDiagnostics,
        .. new AiSprint.Analyzers.Consistency.DagFileAnalyzer().SupportedDiagnostics,
        .. new AiSprint.Analyzers.Consistency.PartitionableModelAnalyzer().SupportedDiagnostics,
        .. new AiSprint.Analyzers.Inputs.InputFileAnalyzer().SupportedDiagnostics,
        .. new AiSprint.Analyzers.Feasibility.FeasibilityAnalyzer().SupportedDiagnostics,
        .. new AiSprint.Analyzers.Profiling.WorkloadAnalyzer().SupportedDiagnostics,
        .. new AiSprint.Analyzers.Drift.DriftDeclarationAnalyzer().SupportedDiagnostics,
        .. new AiSprint.Analyzers.Alternatives.AlternativeAnalyzer().SupportedDiagnostics,
        .. new AiSprint.Analyzers.Consistency.EarlyExitsAnalyzer().SupportedDiagnostics,
    ];

    [Fact]
    public void Every_analyzer_of_the_assembly_is_in_the_catalogue_test()
    {
        var analyzers = typeof(AnnotationAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer).IsAssignableFrom(t))
            .SelectMany(t => ((Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .Select(r => r.Id)
            .Order(StringComparer.Ordinal);
        Assert.Equal(analyzers, Rules.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ids_are_unique_and_in_the_range_of_their_category()
    {
        Assert.Equal(Rules.Length, Rules.Select(r => r.Id).Distinct().Count());
        Assert.All(Rules.Where(r => r.Category == RuleCatalog.AnnotationsCategory), r => Assert.Matches("^AIS01[0-9]{2}$", r.Id));
        Assert.All(Rules.Where(r => r.Category == RuleCatalog.FeasibilityCategory), r => Assert.Matches("^AIS1[0-9]{3}$", r.Id));
        Assert.All(Rules.Where(r => r.Category == RuleCatalog.InputsCategory), r => Assert.Matches("^AIS00[0-3][0-9]$", r.Id));
        Assert.All(Rules.Where(r => r.Category == RuleCatalog.RegressionCategory), r => Assert.Matches("^AIS004[0-9]$", r.Id));
    }

    [Fact]
    public void Every_descriptor_is_its_catalogue_rule_with_the_same_title_severity_category_and_help_link()
    {
        // The analyzers pass ID, severity and category as constants (release tracking reads them); this ties them to the
        // one catalogue the build reports from.
        Assert.All(Rules, descriptor =>
        {
            var rule = RuleCatalog.Find(descriptor.Id);
            Assert.True(rule is { IsRetired: false }, descriptor.Id + " is not a live rule of the catalogue");
            Assert.Equal(rule!.Title, descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(rule.IsError ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
            Assert.Equal(rule.Category, descriptor.Category);
            Assert.Equal(rule.HelpLink, descriptor.HelpLinkUri);
        });
    }

    [Fact]
    public void Help_links_are_anchors_of_the_published_catalogue()
    {
        Assert.All(Rules, r => Assert.Equal(RuleCatalog.DocumentationUri + "#" + r.Id.ToLowerInvariant(), r.HelpLinkUri));
    }

    [Fact]
    public void Every_rule_is_documented_in_docs_diagnostics()
    {
        var docs = File.ReadAllLines(Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, "docs", "diagnostics.md"));
        foreach (var rule in Rules)
        {
            var row = docs.FirstOrDefault(l => l.StartsWith("| " + rule.Id + " |", StringComparison.Ordinal));
            Assert.True(row is not null, rule.Id + " is not in docs/diagnostics.md");
            Assert.Contains("| " + rule.DefaultSeverity.ToString().ToLowerInvariant() + " |", row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_rule_is_release_tracked_with_its_category_and_severity()
    {
        var unshipped = File.ReadAllText(Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, "analyzers", "AiSprint.Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var rule in Rules)
        {
            Assert.Matches(new Regex("^" + rule.Id + @" \| " + Regex.Escape(rule.Category) + @" \| " + rule.DefaultSeverity + " ", RegexOptions.Multiline), unshipped);
        }
    }
}
