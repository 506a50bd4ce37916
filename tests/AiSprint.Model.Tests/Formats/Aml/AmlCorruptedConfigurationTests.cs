using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.Aml;

namespace AiSprint.Model.Tests.Formats.Aml;

public class AmlCorruptedConfigurationTests
{
    private const string Valid = """
        [General]
        techniques = ['LRRidge']
        y = "y"
        validation = All
        hp_selection = All
        [DataPreparation]
        input_path = "inputs/simplest.csv"
        [LRRidge]
        alpha = [0.1]
        """;

    private static IReadOnlyList<Diagnostic> Diagnose(string text)
    {
        var diagnostics = new DiagnosticBag();
        AmlConfigurationReader.Parse(text, "bad.ini", diagnostics);
        return diagnostics.Items;
    }

    private static void AssertOne(string text, DiagnosticDescriptor descriptor, int line, int column)
    {
        var diagnostics = Diagnose(text);
        var found = Assert.Single(diagnostics, d => d.Descriptor == descriptor);
        Assert.Equal(new SourceLocation("bad.ini", line, column), found.Location);
    }

    [Fact]
    public void The_valid_sample_has_no_diagnostics() => Assert.Empty(Diagnose(Valid));

    [Fact]
    public void An_unknown_technique_is_reported_at_the_techniques_value() =>
        AssertOne(Valid.Replace("['LRRidge']", "['LRRidge', 'Lasso']"), DiagnosticCatalog.AmlUnknownTechnique, 2, 14);

    [Fact]
    public void A_duplicate_option_is_reported_like_configparser_strict_mode() =>
        AssertOne(Valid.Replace("y = \"y\"", "y = \"y\"\ny = \"z\""), DiagnosticCatalog.DuplicateName, 4, 1);

    [Fact]
    public void A_duplicate_section_is_reported() =>
        AssertOne(Valid + "\n[LRRidge]\nalpha = [1]", DiagnosticCatalog.DuplicateName, 10, 1);

    [Fact]
    public void A_line_without_delimiter_is_a_syntax_error() =>
        AssertOne(Valid.Replace("validation = All", "validation All"), DiagnosticCatalog.Syntax, 4, 1);

    [Fact]
    public void An_option_before_any_section_is_a_syntax_error() =>
        AssertOne("y = 1\n" + Valid, DiagnosticCatalog.Syntax, 1, 1);

    [Fact]
    public void A_missing_input_path_names_the_section() =>
        AssertOne(Valid.Replace("input_path = \"inputs/simplest.csv\"", "inverse = ['x1']"), DiagnosticCatalog.MissingKey, 6, 1);

    [Fact]
    public void A_wrong_type_is_reported_at_the_value_with_what_was_expected()
    {
        var diagnostics = Diagnose(Valid.Replace("y = \"y\"", "y = \"y\"\nrun_num = two"));
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCatalog.WrongType, error.Descriptor);
        Assert.Equal(new SourceLocation("bad.ini", 4, 11), error.Location);
        Assert.Contains("an integer", error.Message);
    }

    [Fact]
    public void An_inline_comment_warns_where_the_comment_starts() =>
        AssertOne(Valid.Replace("validation = All", "validation = All # outer"), DiagnosticCatalog.AmlInlineComment, 4, 18);

    [Fact]
    public void A_bare_percent_is_an_interpolation_error() =>
        AssertOne(Valid.Replace("y = \"y\"", "y = 5%"), DiagnosticCatalog.AmlInterpolation, 3, 5);

    [Fact]
    public void Interpolation_references_other_options_of_the_section()
    {
        var parsed = AmlConfigurationReader.Parse(Valid.Replace("y = \"y\"", "target = y\ny = %(target)s"), "ok.ini", new DiagnosticBag());
        Assert.Equal("y", parsed!.Value.Configuration.General.Y);
    }

    [Fact]
    public void A_prior_without_hyperopt_warns() =>
        AssertOne(Valid.Replace("alpha = [0.1]", "alpha = ['loguniform(0.01,1)']"), DiagnosticCatalog.AmlPriorWithoutHyperopt, 9, 9);

    [Fact]
    public void Hold_out_without_ratio_is_missing_a_key() =>
        AssertOne(Valid.Replace("validation = All", "validation = HoldOut"), DiagnosticCatalog.MissingKey, 1, 1);

    [Fact]
    public void A_wrong_validation_spelling_is_invalid() =>
        AssertOne(Valid.Replace("validation = All", "validation = holdout"), DiagnosticCatalog.InvalidValue, 4, 14);

    [Fact]
    public void Default_section_options_are_inherited_and_continuation_lines_join()
    {
        var text = "[DEFAULT]\nseed = 7\n" + Valid.Replace("alpha = [0.1]", "alpha = [0.1,\n    0.2]");
        var diagnostics = new DiagnosticBag();
        var c = AmlConfigurationReader.Parse(text, "d.ini", diagnostics)!.Value.Configuration;
        Assert.Equal(7, c.General.Seed);
        Assert.Equal(2, c.Grid(AmlTechnique.LRRidge)!["alpha"]!.Values.Count);
    }
}
