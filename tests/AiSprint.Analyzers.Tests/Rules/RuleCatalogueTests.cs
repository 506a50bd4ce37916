using System.Text.RegularExpressions;

namespace AiSprint.Analyzers.Tests.Rules;

/// <summary>The catalogue: IDs in range and unique, help links from the one helper, each rule documented and release-tracked.</summary>
public sealed class RuleCatalogueTests
{
    private static readonly Microsoft.CodeAnalysis.DiagnosticDescriptor[] Rules = [.. new AnnotationAnalyzer().SupportedDiagnostics];

    [Fact]
    public void Ids_are_unique_and_in_the_annotation_range()
    {
        Assert.Equal(Rules.Length, Rules.Select(r => r.Id).Distinct().Count());
        Assert.All(Rules, r => Assert.Matches("^AIS01[0-9]{2}$", r.Id));
    }

    [Fact]
    public void Help_links_are_built_from_the_id()
    {
        Assert.All(Rules, r => Assert.Equal(AiSprintRules.HelpLink(r.Id), r.HelpLinkUri));
        Assert.All(Rules, r => Assert.EndsWith("#" + r.Id.ToLowerInvariant(), r.HelpLinkUri, StringComparison.Ordinal));
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
