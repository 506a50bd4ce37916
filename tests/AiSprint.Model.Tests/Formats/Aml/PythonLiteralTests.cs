using AiSprint.Model.Formats.Aml;

namespace AiSprint.Model.Tests.Formats.Aml;

public class PythonLiteralTests
{
    private static IniValue I(long v) => new IniInteger(v);
    private static IniValue F(double v) => new IniFloat(v);
    private static IniValue S(string v) => new IniString(v);
    private static IniList L(params IniValue[] items) => new(items);

    [Fact]
    public void Numbers_parse_as_python_ints_and_floats()
    {
        Assert.Equal(I(2), PythonLiteral.ValueOf("2"));
        Assert.Equal(I(-3), PythonLiteral.ValueOf("-3"));
        Assert.Equal(I(1000), PythonLiteral.ValueOf("1_000"));
        Assert.Equal(I(255), PythonLiteral.ValueOf("0xff"));
        Assert.Equal(F(1e-7), PythonLiteral.ValueOf("1e-7"));
        Assert.Equal(F(0.5), PythonLiteral.ValueOf(".5"));
        Assert.Equal(F(1.0), PythonLiteral.ValueOf("1."));
        Assert.Equal(F(double.PositiveInfinity), PythonLiteral.ValueOf("1e999"));
        Assert.Equal(I(-1), PythonLiteral.ValueOf("-(1)"));
    }

    [Theory]
    [InlineData("inf")]
    [InlineData("[*]")]
    [InlineData("Hyperopt")]
    [InlineData("inputs/x.csv")]
    [InlineData("01")]
    [InlineData("--1")]
    [InlineData("1+2")]
    [InlineData("1j")]
    [InlineData("[1,")]
    [InlineData("'open")]
    [InlineData("All  # comment")]
    [InlineData("b'x'")]
    [InlineData("[1]\n2")]
    [InlineData("-True")]
    public void Non_literals_keep_their_raw_text(string text)
    {
        Assert.Equal(S(text), PythonLiteral.ValueOf(text));
        Assert.Equal(LiteralOutcome.NotALiteral, PythonLiteral.Evaluate(text).Outcome);
    }

    [Fact]
    public void Strings_containers_and_constants_parse_as_python_does()
    {
        Assert.Equal(S("y"), PythonLiteral.ValueOf("\"y\""));
        Assert.Equal(S("ab"), PythonLiteral.ValueOf("'a' \"b\""));
        Assert.Equal(S("a\nb\\d"), PythonLiteral.ValueOf(@"'a\nb\d'"));
        Assert.Equal(S(@"a\n"), PythonLiteral.ValueOf(@"r'a\n'"));
        Assert.Equal(S("x'''y"), PythonLiteral.ValueOf("\"\"\"x'''y\"\"\""));
        Assert.Equal(new IniBoolean(true), PythonLiteral.ValueOf("True"));
        Assert.Equal(IniNone.Instance, PythonLiteral.ValueOf("None"));
        Assert.Equal(L(L(I(64), I(32)), L(I(128), I(128), I(32))), PythonLiteral.ValueOf("[[64,32], [128,128,32]]"));
        Assert.Equal(new IniTuple(ValueList.Of(I(1), I(2))), PythonLiteral.ValueOf("1, 2"));
        Assert.Equal(new IniTuple(ValueList.Of(I(1))), PythonLiteral.ValueOf("(1,)"));
        Assert.Equal(I(1), PythonLiteral.ValueOf("(1)"));
        Assert.Equal(L(F(0.1)), PythonLiteral.ValueOf("[0.1] # Python drops this comment"));
        Assert.Equal(L(I(1), I(2)), PythonLiteral.ValueOf("[1,\n2,\n]"));
        var dict = Assert.IsType<IniDict>(PythonLiteral.ValueOf("{'x2': 4, 'x1': 1, 'x2': 5}"));
        Assert.Equal([new IniDictEntry(S("x2"), I(5)), new IniDictEntry(S("x1"), I(1))], dict.Entries);
    }

    [Fact]
    public void An_unhashable_dictionary_key_is_a_crash_not_a_string()
    {
        Assert.Equal(LiteralOutcome.Crash, PythonLiteral.Evaluate("{[1]: 2}").Outcome);
    }

    [Fact]
    public void The_python_repr_of_every_value_evaluates_back_to_it()
    {
        var values = new IniValue[]
        {
            S("it's \"quoted\"\n"), I(-7), F(1e-7), F(3.0), F(double.NegativeInfinity), new IniBoolean(false), IniNone.Instance,
            new IniTuple(ValueList.Of(S("a"))), new IniDict(ValueList.Of(new IniDictEntry(new IniTuple(ValueList<IniValue>.Empty), L()))),
        };
        Assert.All(values, v => Assert.Equal(v, PythonLiteral.ValueOf(v.ToPython())));
    }

    [Fact]
    public void Prior_strings_are_recognised_and_others_stay_fixed()
    {
        Assert.Equal(new LogUniformPrior(0.01, 1), GridValue.From(S("loguniform(0.01,1)")));
        Assert.Equal(new QUniformPrior(1, 1.01, 1), GridValue.From(S("quniform(1,1.01,1)")));
        Assert.Equal(new UniformPrior(-1, 2.5), GridValue.From(S("uniform(-1, 2.5)")));
        Assert.Equal(new ChoicePrior(ValueList.Of(S("relu"), S("tanh"))), GridValue.From(S("choice('relu','tanh')")));
        Assert.Equal(new FixedValue(S("loguniform(0.01)")), GridValue.From(S("loguniform(0.01)")));
        Assert.Equal(new FixedValue(S("normal(0,1)")), GridValue.From(S("normal(0,1)")));
        Assert.Equal(new FixedValue(S("auto")), GridValue.From(S("auto")));
    }
}
