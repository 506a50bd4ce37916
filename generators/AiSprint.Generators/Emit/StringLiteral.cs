using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace AiSprint.Generators.Emit;

/// <summary>
/// <see cref="SymbolDisplay.FormatLiteral(string, bool)"/> (quoted), appended to a builder. Text of printable ASCII
/// and line feeds only (the design document, whose JSON writer already escapes control characters) is escaped here
/// without an intermediate string: of such characters FormatLiteral changes only <c>"</c>, <c>\</c> and line feeds.
/// Any other text goes through FormatLiteral itself, so the output is the same either way.
/// </summary>
internal static class StringLiteral
{
    public static void Append(StringBuilder builder, string text)
    {
        if (!IsPrintableAscii(text))
        {
            builder.Append(SymbolDisplay.FormatLiteral(text, quote: true));
            return;
        }

        builder.Append('"');
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var escape = text[i] switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                _ => null,
            };
            if (escape is not null)
            {
                builder.Append(text, start, i - start).Append(escape);
                start = i + 1;
            }
        }

        builder.Append(text, start, text.Length - start).Append('"');
    }

    private static bool IsPrintableAscii(string text)
    {
        foreach (var c in text)
        {
            if ((c < 0x20 || c > 0x7E) && c != '\n')
            {
                return false;
            }
        }

        return true;
    }
}
