using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;

namespace AiSprint.Model.Tests.Formats.Documents;

public class YamlDocumentLoaderTests
{
    [Theory]
    [InlineData("a: 1\na: 2\n", 2, "Duplicate key")]
    [InlineData("a: [1, 2\n", 1, "flow sequence")]
    [InlineData("a: {b: 1\n", 1, "this '{' is never closed")]
    [InlineData("- &a [*a]\n", 1, "alias refers to a node that contains it")]
    [InlineData("a: &b\n  c: *b\n", 1, "alias refers to a node that contains it")]
    [InlineData("---\na: 1\n---\nb: 2\n", 4, "single YAML document")]
    public void Malformed_yaml_is_a_located_syntax_error(string text, int line, string message)
    {
        var bag = new DiagnosticBag();
        Assert.Null(YamlDocumentLoader.Parse(text, "f.yaml", bag));
        var error = Assert.Single(bag.Items);
        Assert.Equal("AIS0002", error.Code);
        Assert.Equal(line, error.Location.Line);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void An_unclosed_bracket_is_reported_at_the_bracket_with_where_the_parser_gave_up()
    {
        // 114 lines, the '[' on line 3: YamlDotNet only notices at the end of the file (line 115).
        var text = "System:\n  name: x\n  components: ['a', 'b'\n" + string.Concat(Enumerable.Range(1, 111).Select(i => $"  # comment {i}\n"));
        Assert.Equal(114, text.Count(c => c == '\n'));
        var bag = new DiagnosticBag();
        Assert.Null(YamlDocumentLoader.Parse(text, "f.yaml", bag));
        var error = Assert.Single(bag.Items);
        Assert.Equal(("AIS0002", 3, 15), (error.Code, error.Location.Line, error.Location.Column));
        Assert.StartsWith("malformed YAML: this '[' is never closed; expected a matching ']' (the parser gave up at line 115, column 1:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_on_which_yamldotnet_throws_other_exceptions_are_syntax_errors_near_the_damage()
    {
        // Found by mutation tests: YamlDotNet's parser throws InvalidOperationException here.
        var original = File.ReadAllText(SharedData.PathOf("aisprint", "mask_detection_3_components_4CL", "common_config", "application_dag.yaml"));
        var damaged = original.Replace("'third_component'] ", "'third_component', ").Replace("'blurry-faces-onnx', 'mask", "'blu*ry-faces-onnx', 'mask");
        var bag = new DiagnosticBag();
        Assert.Null(YamlDocumentLoader.Parse(damaged, "dag.yaml", bag));
        var error = Assert.Single(bag.Items);
        Assert.Equal("AIS0002", error.Code);
        Assert.InRange(error.Location.Line, 3, 5);
    }

    [Fact]
    public void Plain_scalars_keep_their_text_and_quoted_ones_are_strings()
    {
        var bag = new DiagnosticBag();
        var root = YamlDocumentLoader.Parse("v: 20.04\nq: '20.04'\nb: False\nn: ~\n", "f.yaml", bag)!;
        Assert.Empty(bag.Items);
        Assert.Equal((NodeShape.PlainScalar, "20.04"), (root.Member("v")!.Value.Shape, root.Member("v")!.Value.Text));
        Assert.Equal(NodeShape.String, root.Member("q")!.Value.Shape);
        Assert.False(new NodeReader(bag).Boolean(root.Member("b")!.Value, "b"));
        Assert.True(root.Member("n")!.Value.IsNull);
        Assert.Equal(new SourceLocation("f.yaml", 3, 4), root.Member("b")!.Value.Location);
    }
}
