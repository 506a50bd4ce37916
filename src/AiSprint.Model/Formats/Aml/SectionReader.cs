using System.Numerics;
using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Formats.Aml;

/// <summary>
/// Typed access to the options of one section. Each getter reports a wrong type at the option's value
/// (file:line:column) with what was expected, and returns null so that binding goes on and finds every error.
/// </summary>
internal sealed class SectionReader(IniSection section, string file, DiagnosticBag diagnostics)
{
    private readonly HashSet<string> _consumed = new(StringComparer.Ordinal);

    public IniSection Section => section;

    public IniOption? Option(string name)
    {
        _consumed.Add(name);
        return section.Find(name);
    }

    public void Missing(string name, string why) =>
        diagnostics.Add(DiagnosticCatalog.MissingKey, section.Location, $"[{section.Name}] has no '{name}'; {why}");

    public void WrongType(IniOption option, string expected) =>
        diagnostics.Add(DiagnosticCatalog.WrongType, option.ValueLocation,
            $"'{option.Name}' in [{section.Name}] must be {expected}, found {Describe(option.Value)}");

    public void Invalid(IniOption option, string expected) =>
        diagnostics.Add(DiagnosticCatalog.InvalidValue, option.ValueLocation,
            $"'{option.Name}' in [{section.Name}] must be {expected}, found {Describe(option.Value)}");

    public static string Describe(IniValue value) => $"{value.TypeName} {IniReader.Shorten(value.ToPython())}";

    public string? String(string name)
    {
        if (Option(name) is not { } option) return null;
        if (option.Value is IniString s) return s.Value;
        WrongType(option, "a string");
        return null;
    }

    public int? Int(string name, int minimum)
    {
        if (Option(name) is not { } option) return null;
        if (option.Value is not IniInteger i || i.Value > int.MaxValue || i.Value < int.MinValue)
        {
            WrongType(option, "an integer");
            return null;
        }
        if (i.Value < minimum)
        {
            Invalid(option, $"an integer of at least {minimum}");
            return null;
        }
        return (int)i.Value;
    }

    public double? Double(string name)
    {
        if (Option(name) is not { } option) return null;
        if (AsDouble(option.Value) is { } d) return d;
        WrongType(option, "a number");
        return null;
    }

    public bool? Bool(string name)
    {
        if (Option(name) is not { } option) return null;
        if (option.Value is IniBoolean b) return b.Value;
        WrongType(option, "True or False");
        return null;
    }

    public T? Enum<T>(string name, params T[] allowed) where T : struct, System.Enum
    {
        if (Option(name) is not { } option) return null;
        var expected = "one of " + string.Join(", ", allowed);
        if (option.Value is not IniString s)
        {
            WrongType(option, $"a string ({expected})");
            return null;
        }
        foreach (var value in allowed)
        {
            if (value.ToString() == s.Value) return value;
        }
        Invalid(option, expected + " (exact spelling)");
        return null;
    }

    public ValueList<string>? StringList(string name)
    {
        if (Option(name) is not { } option) return null;
        var list = Strings(option.Value);
        if (list is null) WrongType(option, "a list of strings such as ['a', 'b']");
        return list;
    }

    public ColumnSet? Columns(string name)
    {
        if (Option(name) is not { } option) return null;
        if (option.Value is IniString { Value: "[*]" }) return ColumnSet.All;
        if (Strings(option.Value) is { } list) return new ColumnSet(false, list);
        WrongType(option, "a list of column names or [*]");
        return null;
    }

    public ValueList<ColumnBound>? Bounds(string name)
    {
        if (Option(name) is not { } option) return null;
        if (option.Value is IniDict dict)
        {
            var bounds = new List<ColumnBound>();
            foreach (var entry in dict.Entries)
            {
                if (entry.Key is IniString key && AsDouble(entry.Value) is { } bound) bounds.Add(new ColumnBound(key.Value, bound));
                else break;
            }
            if (bounds.Count == dict.Entries.Count) return bounds.ToValueList();
        }
        WrongType(option, "a dictionary {column: number}");
        return null;
    }

    public ValueList<(string Key, IniValue Value)>? StringKeyedDict(string name, string expected)
    {
        if (Option(name) is not { } option) return null;
        if (option.Value is IniDict dict && dict.Entries.All(e => e.Key is IniString))
        {
            return dict.Entries.Select(e => (((IniString)e.Key).Value, e.Value)).ToValueList();
        }
        WrongType(option, expected);
        return null;
    }

    /// <summary>The options no getter asked for, each reported with <paramref name="report"/> (null: silently kept).</summary>
    public ValueList<AmlOption> Rest(Func<IniOption, (DiagnosticDescriptor Descriptor, string Message)?> report)
    {
        var rest = new List<AmlOption>();
        foreach (var option in section.Options.Where(o => !_consumed.Contains(o.Name)))
        {
            if (report(option) is { } r) diagnostics.Add(r.Descriptor, option.Location, r.Message);
            rest.Add(new AmlOption(option.Name, option.Value));
        }
        return rest.ToValueList();
    }

    public static double? AsDouble(IniValue value) => value switch
    {
        IniInteger i => (double)i.Value,
        IniFloat f => f.Value,
        _ => null,
    };

    private static ValueList<string>? Strings(IniValue value)
    {
        var items = value switch
        {
            IniList l => l.Items,
            IniTuple t => t.Items,
            _ => null,
        };
        if (items is null || !items.All(i => i is IniString)) return null;
        return items.Select(i => ((IniString)i).Value).ToValueList();
    }

    internal static bool FitsInt(BigInteger value) => value >= int.MinValue && value <= int.MaxValue;

    public string File => file;
}
