using System.Text;

namespace AiSprint.Generators.Emit;

/// <summary>
/// Indented C# text with '\n' line ends whatever the host OS, so snapshots and the embedded
/// design document are identical on every build machine.
/// </summary>
internal sealed class CodeText
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public CodeText Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4).Append(line);
        }

        _text.Append('\n');
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
