using System.Text;

namespace AiSprint.Generators.Emit;

/// <summary>
/// Indented C# text with '\n' line ends whatever the host OS, so snapshots and the embedded
/// design document are identical on every build machine.
/// </summary>
internal sealed class CodeText
{
    private readonly StringBuilder _text;
    private int _indent;

    public CodeText(int capacity = 16) => _text = new StringBuilder(capacity);

    public CodeText Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4).Append(line);
        }

        _text.Append('\n');
        return this;
    }

    /// <summary>A line of <paramref name="before"/>, <paramref name="text"/> as a C# string literal, and <paramref name="after"/>, without building the literal as a string first.</summary>
    public CodeText LineWithLiteral(string before, string text, string after)
    {
        _text.Append(' ', _indent * 4).Append(before);
        StringLiteral.Append(_text, text);
        _text.Append(after).Append('\n');
        return this;
    }

    public CodeText Open(string line)
    {
        Line(line).Line("{");
        _indent++;
        return this;
    }

    public CodeText Close(string closing = "}")
    {
        _indent--;
        return Line(closing);
    }

    public override string ToString() => _text.ToString();
}
