using AiSprint.Contract.Diagnostics;
using AiSprint.Model.Diagnostics;
using AiSprint.Tests;

namespace AiSprint.Model.Tests.Contract;

/// <summary>The one catalogue: unique IDs in their category's range, documented with an anchor, and Model's descriptors taken from it.</summary>
public sealed class RuleCatalogTests
{
    [Fact]
    public void Ids_are_unique_and_lie_in_the_range_of_their_category()
    {
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Id).Distinct().Count());
        var ranges = File.ReadAllLines(Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, "src", "Shared", "Diagnostics", "DiagnosticCategoryAndIdRanges.txt"))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split(':', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim().Split('-'));
        foreach (var rule in RuleCatalog.All)
        {
            Assert.True(ranges.TryGetValue(rule.Category, out var range), $"{rule.Id}'s category {rule.Category} has no range");
            Assert.InRange(string.CompareOrdinal(rule.Id, range[0]), 0, int.MaxValue);
            Assert.InRange(string.CompareOrdinal(rule.Id, range[1]), int.MinValue, 0);
        }
    }

    [Fact]
    public void Every_rule_has_an_anchor_in_docs_diagnostics_where_its_help_link_points()
    {
        var docs = File.ReadAllText(Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, "docs", "diagnostics.md"));
        foreach (var rule in RuleCatalog.All)
        {
            Assert.Contains($"<a id=\"{rule.Id.ToLowerInvariant()}\"></a>", docs, StringComparison.Ordinal);
            Assert.Equal(RuleCatalog.DocumentationUri + "#" + rule.Id.ToLowerInvariant(), rule.HelpLink);
            Assert.Contains($"| {rule.Id} | {(rule.IsRetired ? "retired" : rule.IsError ? "error" : "warning")} |", docs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Retired_ids_name_a_live_rule_that_reports_the_same_mistake()
    {
        foreach (var rule in RuleCatalog.All.Where(r => r.IsRetired))
        {
            Assert.True(RuleCatalog.Find(rule.ReplacedBy!) is { IsRetired: false }, rule.Id);
        }
        Assert.Equal(["AIS0105", "AIS0108", "AIS1003", "AIS1004"], RuleCatalog.All.Where(r => r.IsRetired).Select(r => r.Id));
    }

    [Fact]
    public void Model_descriptors_are_the_catalogue_rules()
    {
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            var rule = RuleCatalog.Find(descriptor.Code);
            Assert.NotNull(rule);
            Assert.Equal((rule!.Title, rule.IsError, rule.HelpLink), (descriptor.Title, descriptor.Severity == Severity.Error, descriptor.HelpLink));
        }
    }
}
