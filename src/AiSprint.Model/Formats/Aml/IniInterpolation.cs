using System.Text;

namespace AiSprint.Model.Formats.Aml;

/// <summary>
/// configparser's BasicInterpolation, which aMLLibrary leaves on: <c>%%</c> is a percent sign, <c>%(name)s</c>
/// the (recursively interpolated) raw value of another option of the same section or of [DEFAULT]; any other
/// <c>%</c> is an error that stops aMLLibrary, as is a reference nested more than 10 deep.
/// </summary>
internal static class IniInterpolation
{
    private const int MaxDepth = 10;

    public static bool TryInterpolate(string text, IReadOnlyDictionary<string, string> options, out string result, out string? error)
    {
        var accumulator = new StringBuilder();
        error = Interpolate(text, options, accumulator, 1);
        result = error is null ? accumulator.ToString() : text;
        return error is null;
    }

    /// <summary>Text that interpolates back to <paramref name="value"/>.</summary>
    public static string Escape(string value) => value.Replace("%", "%%", StringComparison.Ordinal);

    private static string? Interpolate(string rest, IReadOnlyDictionary<string, string> options, StringBuilder accumulator, int depth)
    {
        if (depth > MaxDepth) return $"interpolation nested deeper than {MaxDepth} references";
        while (rest.Length > 0)
        {
            var p = rest.IndexOf('%');
            if (p < 0)
            {
                accumulator.Append(rest);
                return null;
            }
            accumulator.Append(rest, 0, p);
            rest = rest[p..];
            var next = rest.Length > 1 ? rest[1] : '\0';
            if (next == '%')
            {
                accumulator.Append('%');
                rest = rest[2..];
            }
            else if (next == '(')
            {
                var close = rest.IndexOf(')');
                if (close <= 2 || close + 1 >= rest.Length || rest[close + 1] != 's')
                {
                    return $"bad interpolation variable reference '{IniReader.Shorten(rest)}'";
                }
                var name = rest[2..close];
                rest = rest[(close + 2)..];
                if (!options.TryGetValue(name, out var value)) return $"'%({name})s' refers to no option of this section";
                if (value.Contains('%'))
                {
                    var inner = Interpolate(value, options, accumulator, depth + 1);
                    if (inner is not null) return inner;
                }
                else accumulator.Append(value);
            }
            else
            {
                return $"'%' must be followed by '%' or '(', found '{IniReader.Shorten(rest)}'";
            }
        }
        return null;
    }
}
