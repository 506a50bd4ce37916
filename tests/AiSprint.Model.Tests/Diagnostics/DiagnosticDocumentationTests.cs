using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Tests.Diagnostics;

public class DiagnosticDocumentationTests
{
    [Fact]
    public void Every_code_is_documented_with_its_severity()
    {
        var docs = File.ReadAllLines(Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, "docs", "diagnostics.md"));
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            var row = docs.SingleOrDefault(l => l.StartsWith($"| {descriptor.Code} |", StringComparison.Ordinal));
            Assert.True(row is not null, $"{descriptor.Code} is not in docs/diagnostics.md");
            Assert.Contains($"| {descriptor.Severity.ToString().ToLowerInvariant()} |", row);
        }
    }
}
