using System.Globalization;
using System.Text.RegularExpressions;

namespace AiSprint.Model.Formats.Aml;

/// <summary>
/// One element of a technique's hyper-parameter list: a fixed value, or a Hyperopt prior written as a string
/// such as <c>'loguniform(0.01,1)'</c>. Prior strings are always recognised (so that tools can show and check
/// them); they only mean a prior when <c>hyperparameter_tuning = Hyperopt</c> — otherwise aMLLibrary hands the
/// string itself to the estimator, which the configuration reader reports as AIS0042.
/// </summary>
public abstract record GridValue
{
    private protected GridValue() { }

    /// <summary>The list element as it appears in the .ini value.</summary>
    public abstract IniValue ToIni();

    /// <summary>The element as Python prints it.</summary>
    public sealed override string ToString() => ToIni().ToPython();

    /// <summary>aMLLibrary's reading of a list element: a prior string when it parses as one, else a fixed value.</summary>
    public static GridValue From(IniValue value) =>
        value is IniString s && Prior.TryParse(s.Value, out var prior) ? prior : new FixedValue(value);
}

/// <summary>A value used as is.</summary>
public sealed record FixedValue(IniValue Value) : GridValue
{
    /// <inheritdoc/>
    public override IniValue ToIni() => Value;
}

/// <summary>
/// A Hyperopt prior <c>name(a,b[,q])</c>. aMLLibrary maps the name to <c>hyperopt.hp.name</c>; names starting
/// with <c>log</c>/<c>qlog</c> take their arguments in natural units and aMLLibrary converts every argument with
/// <c>ln</c> (the step q of qloguniform too, a QUIRK); names starting with <c>q</c> are wrapped to integers.
/// Anything that does not parse as one of these stays a <see cref="FixedValue"/>, as in aMLLibrary.
/// </summary>
public abstract record Prior : GridValue
{
    private static readonly Regex Shape = new(@"^\s*([A-Za-z_][A-Za-z_0-9]*)\s*\((.*)\)\s*$", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    /// <inheritdoc/>
    public override IniValue ToIni() => new IniString(PriorText());

    /// <summary>The prior string, e.g. <c>loguniform(0.01,1)</c>.</summary>
    public abstract string PriorText();

    /// <summary>Parses a Hyperopt prior string (<c>loguniform(0.01,1)</c>); false when <paramref name="text"/> is not one.</summary>
    public static bool TryParse(string text, out Prior prior)
    {
        prior = null!;
        var match = Shape.Match(text);
        if (!match.Success) return false;
        var name = match.Groups[1].Value;
        var inner = match.Groups[2].Value;
        if (inner.Trim().Length == 0) return false;
        if (PythonLiteral.Evaluate("[" + inner + "]") is not (LiteralOutcome.Literal, IniList arguments, _)) return false;
        if (name == "choice")
        {
            // choice(a, b, c) or choice([a, b, c]).
            var options = arguments.Items.Count == 1 && arguments.Items[0] is IniList list ? list.Items : arguments.Items;
            if (options.Count == 0) return false;
            prior = new ChoicePrior(options);
            return true;
        }
        var numbers = new List<double>();
        foreach (var argument in arguments.Items)
        {
            switch (argument)
            {
                case IniInteger i: numbers.Add((double)i.Value); break;
                case IniFloat f: numbers.Add(f.Value); break;
                default: return false;
            }
        }
        Prior? parsed = (name, numbers.Count) switch
        {
            ("uniform", 2) => new UniformPrior(numbers[0], numbers[1]),
            ("loguniform", 2) => new LogUniformPrior(numbers[0], numbers[1]),
            ("quniform", 3) => new QUniformPrior(numbers[0], numbers[1], numbers[2]),
            ("qloguniform", 3) => new QLogUniformPrior(numbers[0], numbers[1], numbers[2]),
            _ => null,
        };
        if (parsed is null) return false;
        prior = parsed;
        return true;
    }

    private protected static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : IniFloat.FormatFloat(value);
}

/// <summary><c>uniform(low,high)</c>: uniform on [low, high].</summary>
public sealed record UniformPrior(double Low, double High) : Prior
{
    /// <inheritdoc/>
    public override string PriorText() => $"uniform({Number(Low)},{Number(High)})";
}

/// <summary><c>loguniform(low,high)</c>: log-uniform on [low, high] in natural units (aMLLibrary passes ln(low), ln(high) to Hyperopt).</summary>
public sealed record LogUniformPrior(double Low, double High) : Prior
{
    /// <inheritdoc/>
    public override string PriorText() => $"loguniform({Number(Low)},{Number(High)})";
}

/// <summary><c>quniform(low,high,q)</c>: uniform on [low, high] rounded to a multiple of q, then made an integer.</summary>
public sealed record QUniformPrior(double Low, double High, double Q) : Prior
{
    /// <inheritdoc/>
    public override string PriorText() => $"quniform({Number(Low)},{Number(High)},{Number(Q)})";
}

/// <summary><c>qloguniform(low,high,q)</c>: as loguniform, rounded to q and made an integer; aMLLibrary takes ln of q too.</summary>
public sealed record QLogUniformPrior(double Low, double High, double Q) : Prior
{
    /// <inheritdoc/>
    public override string PriorText() => $"qloguniform({Number(Low)},{Number(High)},{Number(Q)})";
}

/// <summary><c>choice(a,b,…)</c>: one of the given literal options.</summary>
public sealed record ChoicePrior(ValueList<IniValue> Options) : Prior
{
    // Always the list form: "choice([[1, 2]])" keeps a single list option distinct from "choice([1, 2])".
    /// <inheritdoc/>
    public override string PriorText() => "choice([" + string.Join(", ", Options.Select(o => o.ToPython())) + "])";
}
