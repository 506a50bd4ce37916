using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.Aml;

namespace AiSprint.Model.Tests.Formats.Aml;

public class AmlRoundTripTests
{
    public static TheoryData<string> Examples() => AmlExampleConfigurationTests.Examples();

    [Theory]
    [MemberData(nameof(Examples))]
    public void Writing_a_configuration_and_reading_it_again_gives_an_equal_model(string name)
    {
        var original = AmlExampleConfigurationTests.LoadExample(name).Configuration;
        var text = AmlConfigurationWriter.Write(original);
        var diagnostics = new DiagnosticBag();
        var reread = AmlConfigurationReader.Parse(text, "written.ini", diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join(Environment.NewLine, diagnostics.Items) + Environment.NewLine + text);
        Assert.Equal(original, reread!.Value.Configuration);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Writing_the_raw_document_and_reading_it_again_gives_the_same_values(string name)
    {
        var document = AmlExampleConfigurationTests.LoadExample(name).Document;
        var reread = IniReader.Read(IniWriter.Write(document), document.File, new DiagnosticBag());
        Assert.Equal(Values(document), Values(reread));
    }

    [Fact]
    public void Tricky_values_survive_a_round_trip()
    {
        const string text = """
            [General]
            techniques = ['LRRidge']
            y = "it's 100%% \"y\""
            validation = All
            hp_selection = All
            note = line one
              line two

              line four
            [DataPreparation]
            input_path = inputs/x.csv
            skip_rows = {'a': 1.5, 'b': -2}
            [LRRidge]
            alpha = ['loguniform(1e-05,1)', 'choice([[1, 2]])', 1e999, 'quniform(1,5,1)']
            """;
        var diagnostics = new DiagnosticBag();
        var first = AmlConfigurationReader.Parse(text, "t.ini", diagnostics)!.Value.Configuration;
        Assert.Equal("it's 100% \"y\"", first.General.Y);
        Assert.Equal(new IniString("line one\nline two\n\nline four"), first.General.Extra.Single(o => o.Name == "note").Value);
        var alpha = first.Grid(AmlTechnique.LRRidge)!["alpha"]!.Values;
        Assert.Equal(new LogUniformPrior(1e-5, 1), alpha[0]);
        Assert.Equal(new ChoicePrior(ValueList.Of<IniValue>(new IniList(ValueList.Of<IniValue>(new IniInteger(1), new IniInteger(2))))), alpha[1]);
        Assert.Equal(new FixedValue(new IniFloat(double.PositiveInfinity)), alpha[2]);
        var second = AmlConfigurationReader.Parse(AmlConfigurationWriter.Write(first), "t2.ini", new DiagnosticBag())!.Value.Configuration;
        Assert.Equal(first, second);
    }

    private static List<(string, string, IniValue)> Values(IniDocument document) =>
        document.Sections.SelectMany(s => s.Options.Select(o => (s.Name, o.Name, o.Value))).ToList();
}
