using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Tests.Diagnostics;

public class DiagnosticCatalogTests
{
    [Fact]
    public void Every_code_is_unique_and_well_formed()
    {
        var codes = DiagnosticCatalog.All.Select(d => d.Code).ToList();
        Assert.NotEmpty(codes);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^AIS[0-9]{4}$", c));
    }

    [Fact]
    public void Diagnostic_prints_file_line_column_code_and_message()
    {
        var d = DiagnosticCatalog.DagCycle.At(new SourceLocation("a.json", 3, 7), "c1 -> c2 -> c1");
        Assert.Equal("a.json:3:7: error AIS0012: c1 -> c2 -> c1", d.ToString());
    }
}
