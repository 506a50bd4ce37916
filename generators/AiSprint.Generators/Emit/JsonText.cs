using System.Globalization;
using System.Text;

namespace AiSprint.Generators.Emit;

/// <summary>
/// A minimal indented JSON writer. The generator cannot take System.Text.Json (a dependency the
/// compiler host may fail to load), and the output must be byte-for-byte deterministic.
/// </summary>
internal sealed class JsonText
{
    private readonly StringBuilder _text = new();
    private int _depth;
    private bool _needsComma;

    public void StartObject(string? name = null) => Open(name, '{');

    public void EndObject() => Close('}');

    public void StartArray(string? name = null) => Open(name, '[');

    public void EndArray() => Close(']');

    public void String(string? name, string? value)
    {
        if (value is null)
        {
            Value(name, "null");
            return;
        }

        // Quoted straight into the document: a string per value was most of this writer's allocation.
        Prefix(name);
        Quote(_text, value);
        _needsComma = true;
    }

    public void Number(string? name, double? value) =>
        // "R" round-trips; invariant culture keeps '.' whatever the build machine's locale.
        Value(name, value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "null");

    public void Boolean(string name, bool value) => Value(name, value ? "true" : "false");

    public void Null(string name) => Value(name, "null");

    public override string ToString() => _text.ToString();

    private void Open(string? name, char bracket)
    {
        Prefix(name);
        _text.Append(bracket);
        _depth++;
        _needsComma = false;
    }

    private void Close(char bracket)
    {
        _depth--;
        _text.Append('\n').Append(' ', _depth * 2).Append(bracket);
        _needsComma = true;
    }

    private void Value(string? name, string literal)
    {
        Prefix(name);
        _text.Append(literal);
        _needsComma = true;
    }

    private void Prefix(string? name)
    {
        if (_needsComma)
        {
            _text.Append(',');
        }

        if (_depth > 0)
        {
            _text.Append('\n').Append(' ', _depth * 2);
        }

        if (name is not null)
        {
            Quote(_text, name);
            _text.Append(": ");
        }
    }

    private static void Quote(StringBuilder quoted, string value)
    {
        quoted.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\r': quoted.Append("\\r"); break;
                case '\t': quoted.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        quoted.Append(c);
                    }

                    break;
            }
        }

        quoted.Append('"');
    }
}
