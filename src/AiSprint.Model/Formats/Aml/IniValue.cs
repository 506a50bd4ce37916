using System.Globalization;
using System.Numerics;
using System.Text;

namespace AiSprint.Model.Formats.Aml;

/// <summary>
/// The value of an aMLLibrary .ini option after <c>ast.literal_eval</c>: a Python literal, or the raw
/// text when the option is not one. Records compare by content so that a round trip gives an equal model.
/// </summary>
public abstract record IniValue
{
    private protected IniValue() { }

    /// <summary>Python's <c>repr</c> of the value: text that <c>ast.literal_eval</c> turns back into it.</summary>
    public abstract string ToPython();

    /// <summary>A short Python-like type name for "expected …, found …" messages.</summary>
    public abstract string TypeName { get; }

    /// <summary>The value as Python prints it (<see cref="ToPython"/>).</summary>
    public sealed override string ToString() => ToPython();
}

/// <summary>A Python <c>str</c>: a quoted literal, or raw option text that is no literal at all.</summary>
public sealed record IniString(string Value) : IniValue
{
    /// <inheritdoc/>
    public override string TypeName => "string";

    /// <inheritdoc/>
    public override string ToPython()
    {
        // Python's repr prefers single quotes unless the text has a single quote and no double quote.
        var quote = Value.Contains('\'') && !Value.Contains('"') ? '"' : '\'';
        var text = new StringBuilder().Append(quote);
        foreach (var c in Value)
        {
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case '\n': text.Append(@"\n"); break;
                case '\r': text.Append(@"\r"); break;
                case '\t': text.Append(@"\t"); break;
                default:
                    if (c == quote) text.Append('\\').Append(c);
                    else if (c < ' ' || c == '\x7f') text.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
                    else text.Append(c);
                    break;
            }
        }
        return text.Append(quote).ToString();
    }
}

/// <summary>A Python <c>int</c> (arbitrary precision, as in Python).</summary>
public sealed record IniInteger(BigInteger Value) : IniValue
{
    /// <inheritdoc/>
    public override string TypeName => "int";
    /// <inheritdoc/>
    public override string ToPython() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A Python <c>float</c>.</summary>
public sealed record IniFloat(double Value) : IniValue
{
    /// <inheritdoc/>
    public override string TypeName => "float";

    /// <inheritdoc/>
    public override string ToPython() => FormatFloat(Value);

    /// <summary>
    /// Shortest round-trip text that Python also reads as a float (never an int): a literal needs a dot
    /// or an exponent. Infinities and NaN have no literal; <c>1e999</c> is how Python spells infinity.
    /// </summary>
    public static string FormatFloat(double value)
    {
        if (double.IsPositiveInfinity(value)) return "1e999";
        if (double.IsNegativeInfinity(value)) return "-1e999";
        if (double.IsNaN(value)) throw new ArgumentException("NaN has no Python literal", nameof(value));
        var text = value.ToString("R", CultureInfo.InvariantCulture).Replace("E+", "e", StringComparison.Ordinal).Replace('E', 'e');
        return text.Contains('.') || text.Contains('e') ? text : text + ".0";
    }
}

/// <summary>Python's <c>True</c> or <c>False</c>.</summary>
public sealed record IniBoolean(bool Value) : IniValue
{
    /// <inheritdoc/>
    public override string TypeName => "bool";
    /// <inheritdoc/>
    public override string ToPython() => Value ? "True" : "False";
}

/// <summary>Python's <c>None</c>.</summary>
public sealed record IniNone : IniValue
{
    /// <summary>Python's <c>None</c>.</summary>
    public static readonly IniNone Instance = new();
    /// <inheritdoc/>
    public override string TypeName => "None";
    /// <inheritdoc/>
    public override string ToPython() => "None";
}

/// <summary>A Python <c>list</c>.</summary>
public sealed record IniList(ValueList<IniValue> Items) : IniValue
{
    /// <inheritdoc/>
    public override string TypeName => "list";
    /// <inheritdoc/>
    public override string ToPython() => "[" + string.Join(", ", Items.Select(i => i.ToPython())) + "]";
}

/// <summary>A Python <c>tuple</c>.</summary>
public sealed record IniTuple(ValueList<IniValue> Items) : IniValue
{
    /// <inheritdoc/>
    public override string TypeName => "tuple";
    /// <inheritdoc/>
    public override string ToPython() => Items.Count == 1
        ? "(" + Items[0].ToPython() + ",)"
        : "(" + string.Join(", ", Items.Select(i => i.ToPython())) + ")";
}

/// <summary>One key/value pair of an <see cref="IniDict"/>.</summary>
public sealed record IniDictEntry(IniValue Key, IniValue Value);

/// <summary>A Python <c>dict</c>; entries keep file order and a repeated key keeps its last value, as in Python.</summary>
public sealed record IniDict(ValueList<IniDictEntry> Entries) : IniValue
{
    /// <inheritdoc/>
    public override string TypeName => "dict";
    /// <inheritdoc/>
    public override string ToPython() =>
        "{" + string.Join(", ", Entries.Select(e => e.Key.ToPython() + ": " + e.Value.ToPython())) + "}";

    /// <summary>The value stored under <paramref name="key"/>, or null.</summary>
    public IniValue? this[IniValue key] => Entries.FirstOrDefault(e => e.Key.Equals(key))?.Value;
}
