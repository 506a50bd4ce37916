using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.Aml;

namespace AiSprint.Model.Tests.Formats.Aml;

public class AmlDatasetReaderTests
{
    [Theory]
    [InlineData("simplest.csv", 32, 5)]
    [InlineData("faas_test.csv", 50, 5)]
    [InlineData("faas_predict.csv", 1000, 5)]
    [InlineData("draper_smith.csv", 13, 5)]
    public void Each_input_csv_loads_with_its_row_and_column_counts(string name, int rows, int columns)
    {
        var result = AmlDatasetReader.Load(SharedData.PathOf("amllibrary", "inputs", name));
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal(rows, result.Value!.RowCount);
        Assert.Equal(columns, result.Value.Columns.Count);
        Assert.All(result.Value.Columns, c => Assert.Equal(rows, c.Count));
    }

    [Fact]
    public void Simplest_csv_has_a_categorical_x4_and_numeric_other_columns()
    {
        var data = AmlDatasetReader.Load(SharedData.PathOf("amllibrary", "inputs", "simplest.csv")).GetValueOrThrow();
        Assert.Equal(["x1", "x2", "x3", "x4", "y"], data.ColumnNames);
        var x4 = Assert.IsType<CategoricalColumn>(data["x4"]);
        Assert.Equal(["0", "a", "b"], x4.Categories);
        Assert.All(new[] { "x1", "x2", "x3", "y" }, n => Assert.IsType<NumericColumn>(data[n]));
        Assert.Equal(new object?[] { 1.0, 2.0, 1.0, "b", 3.1 }, data.Row(8));
    }

    [Fact]
    public void Quoted_fields_may_hold_commas_quotes_and_line_breaks()
    {
        var data = AmlDatasetReader.Parse("a,\"b,c\"\r\n\"x \"\"1\"\"\",2\n\"two\nlines\",NA\n\n", "q.csv", new DiagnosticBag())!;
        Assert.Equal(["a", "b,c"], data.ColumnNames);
        Assert.Equal(2, data.RowCount);
        Assert.Equal(ValueList.Of<string?>("x \"1\"", "two\nlines"), ((CategoricalColumn)data["a"]!).Values);
        Assert.True(double.IsNaN(((NumericColumn)data["b,c"]!).Values[1]));
    }

    [Theory]
    [InlineData("", "AIS0002", 1, 1)]
    [InlineData("\n\n", "AIS0002", 1, 1)]
    [InlineData("a,b\n1,2\n3,4,5\n", "AIS0045", 3, 5)]
    [InlineData("a,b\n1,2\n3\n", "AIS0045", 3, 2)]
    [InlineData("a,b\n1,\"2\n", "AIS0002", 2, 3)]
    [InlineData("a,b\n1,\"2\"x\n", "AIS0002", 2, 6)]
    [InlineData("a,b\n1,2\"\n", "AIS0002", 2, 4)]
    public void Corrupted_csv_reports_the_code_at_the_line_and_column(string text, string code, int line, int column)
    {
        var diagnostics = new DiagnosticBag();
        Assert.Null(AmlDatasetReader.Parse(text, "bad.csv", diagnostics));
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(code, error.Code);
        Assert.Equal(new SourceLocation("bad.csv", line, column), error.Location);
    }
}
