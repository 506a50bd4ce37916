using System.Globalization;
using System.Numerics;
using System.Text;

namespace AiSprint.Model.Formats.Aml;

/// <summary>The outcome of <see cref="PythonLiteral.Evaluate"/>.</summary>
internal enum LiteralOutcome
{
    /// <summary>The text is a Python literal.</summary>
    Literal,
    /// <summary><c>literal_eval</c> raises ValueError or SyntaxError: aMLLibrary keeps the raw text.</summary>
    NotALiteral,
    /// <summary><c>literal_eval</c> raises something else (TypeError): aMLLibrary stops with a traceback.</summary>
    Crash,
}

/// <summary>
/// Python's <c>ast.literal_eval</c> on a string, for the literals aMLLibrary configurations use: int (decimal,
/// 0x/0o/0b, underscores), float (incl. <c>1e-7</c>, <c>.5</c>, overflow to infinity), str with every quote form,
/// r/u prefixes, escapes and implicit concatenation, True/False/None, list, tuple (bare <c>1, 2</c> too), dict,
/// unary sign on numbers, and <c>#</c> comments (Python's tokenizer drops them, so <c>[1] # x</c> is the list [1]).
/// Names such as <c>inf</c> or <c>Hyperopt</c>, calls and operators are no literals.
/// Deliberately unsupported, hence <see cref="LiteralOutcome.NotALiteral"/> (no aMLLibrary option can use them):
/// complex numbers, bytes, sets, <c>\N{…}</c> escapes.
/// </summary>
internal static class PythonLiteral
{
    // CPython's tokenizer refuses more than 200 nested brackets with a SyntaxError.
    private const int MaxDepth = 200;

    public static (LiteralOutcome Outcome, IniValue? Value, string? Error) Evaluate(string text)
    {
        var parser = new Parser(text.TrimStart(' ', '\t'));
        try
        {
            var value = parser.ParseTop();
            return (LiteralOutcome.Literal, value, null);
        }
        catch (NotLiteralException)
        {
            return (LiteralOutcome.NotALiteral, null, null);
        }
        catch (UnhashableKeyException ex)
        {
            return (LiteralOutcome.Crash, null, ex.Message);
        }
    }

    /// <summary>The typed value aMLLibrary stores for an option's text: the literal, or the text itself.</summary>
    public static IniValue ValueOf(string text) =>
        Evaluate(text) is (LiteralOutcome.Literal, { } value, _) ? value : new IniString(text);

    private sealed class NotLiteralException : Exception;

    private sealed class UnhashableKeyException(string message) : Exception(message);

    private enum Kind { Number, String, Name, Punct, End }

    private readonly record struct Token(Kind Kind, string Text, IniValue? Value);

    private sealed class Parser(string text)
    {
        private int _pos;
        private int _depth;
        private Token _current;
        private bool _hasCurrent;
        private bool _seenToken;

        public IniValue ParseTop()
        {
            var first = ParseElement();
            IniValue result = first;
            if (IsPunct(","))
            {
                // A bare "1, 2" is a tuple in eval mode.
                var items = new List<IniValue> { first };
                while (IsPunct(","))
                {
                    Next();
                    if (Peek().Kind == Kind.End) break;
                    items.Add(ParseElement());
                }
                result = new IniTuple(items.ToValueList());
            }
            if (Peek().Kind != Kind.End) throw new NotLiteralException();
            return result;
        }

        private IniValue ParseElement()
        {
            var token = Next();
            switch (token.Kind)
            {
                case Kind.Number:
                case Kind.String:
                    return token.Value!;
                case Kind.Name:
                    return token.Text switch
                    {
                        "True" => new IniBoolean(true),
                        "False" => new IniBoolean(false),
                        "None" => IniNone.Instance,
                        _ => throw new NotLiteralException(),
                    };
                case Kind.Punct when token.Text is "-" or "+":
                    return ParseSigned(token.Text == "-");
                case Kind.Punct when token.Text == "[":
                    return new IniList(ParseSequence("]", out _));
                case Kind.Punct when token.Text == "(":
                {
                    var items = ParseSequence(")", out var sawComma);
                    // "(1)" is just 1; "(1,)" and "()" are tuples.
                    return items.Count == 1 && !sawComma ? items[0] : new IniTuple(items);
                }
                case Kind.Punct when token.Text == "{":
                    return ParseDict();
                default:
                    throw new NotLiteralException();
            }
        }

        // literal_eval accepts a sign only directly on a number (possibly parenthesised), never on "--1".
        private IniValue ParseSigned(bool negative)
        {
            var operand = ParseElementWithoutSign();
            return operand switch
            {
                IniInteger i => new IniInteger(negative ? -i.Value : i.Value),
                IniFloat f => new IniFloat(negative ? -f.Value : f.Value),
                _ => throw new NotLiteralException(),
            };
        }

        private IniValue ParseElementWithoutSign()
        {
            var token = Peek();
            if (token.Kind == Kind.Number) return Next().Value!;
            if (token.Kind == Kind.Punct && token.Text == "(")
            {
                Next();
                var items = ParseSequence(")", out var sawComma);
                if (items.Count == 1 && !sawComma && items[0] is IniInteger or IniFloat) return items[0];
            }
            throw new NotLiteralException();
        }

        private ValueList<IniValue> ParseSequence(string close, out bool sawComma)
        {
            Enter();
            sawComma = false;
            var items = new List<IniValue>();
            while (!IsPunct(close))
            {
                items.Add(ParseElement());
                if (IsPunct(","))
                {
                    Next();
                    sawComma = true;
                }
                else if (!IsPunct(close)) throw new NotLiteralException();
            }
            Next();
            _depth--;
            return items.ToValueList();
        }

        private IniDict ParseDict()
        {
            Enter();
            var entries = new List<IniDictEntry>();
            while (!IsPunct("}"))
            {
                var key = ParseElement();
                if (!IsPunct(":")) throw new NotLiteralException();
                Next();
                var value = ParseElement();
                if (IsPunct(",")) Next();
                else if (!IsPunct("}")) throw new NotLiteralException();
                if (!IsHashable(key)) throw new UnhashableKeyException($"unhashable type: '{key.TypeName}'");
                // As in Python, a repeated key keeps its first position and its last value; 1, 1.0 and True are one key.
                var index = entries.FindIndex(e => PythonKeyEquals(e.Key, key));
                if (index >= 0) entries[index] = entries[index] with { Value = value };
                else entries.Add(new IniDictEntry(key, value));
            }
            Next();
            _depth--;
            return new IniDict(entries.ToValueList());
        }

        private void Enter()
        {
            if (++_depth >= MaxDepth) throw new NotLiteralException();
        }

        private static bool IsHashable(IniValue value) => value switch
        {
            IniList or IniDict => false,
            IniTuple t => t.Items.All(IsHashable),
            _ => true,
        };

        private static bool PythonKeyEquals(IniValue a, IniValue b)
        {
            static double? Numeric(IniValue v) => v switch
            {
                IniInteger i => (double)i.Value,
                IniFloat f => f.Value,
                IniBoolean b => b.Value ? 1 : 0,
                _ => null,
            };
            if (Numeric(a) is { } x && Numeric(b) is { } y)
            {
                if (a is IniInteger ia && b is IniInteger ib) return ia.Value == ib.Value;
                return x == y;
            }
            return a.Equals(b);
        }

        private bool IsPunct(string text) => Peek() is { Kind: Kind.Punct } t && t.Text == text;

        private Token Peek()
        {
            if (!_hasCurrent)
            {
                _current = Lex();
                _hasCurrent = true;
            }
            return _current;
        }

        private Token Next()
        {
            var token = Peek();
            _hasCurrent = false;
            return token;
        }

        private Token Lex()
        {
            SkipTrivia();
            if (_pos >= text.Length) return new Token(Kind.End, "", null);
            _seenToken = true;
            var c = text[_pos];
            if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < text.Length && char.IsAsciiDigit(text[_pos + 1])))
            {
                return LexNumber();
            }
            if (IsIdentifierStart(c))
            {
                var start = _pos;
                while (_pos < text.Length && IsIdentifierPart(text[_pos])) _pos++;
                var word = text[start.._pos];
                if (_pos < text.Length && text[_pos] is '\'' or '"' && IsStringPrefix(word))
                {
                    return LexStrings(word);
                }
                return new Token(Kind.Name, word, null);
            }
            if (c is '\'' or '"') return LexStrings("");
            if ("[](){},:-+".Contains(c))
            {
                _pos++;
                return new Token(Kind.Punct, c.ToString(), null);
            }
            throw new NotLiteralException();
        }

        // Newlines outside brackets end an eval-mode expression, so only trailing ones are allowed; the parser
        // checks that by requiring End after the top-level value, which trailing blank lines do not disturb.
        private void SkipTrivia()
        {
            while (_pos < text.Length)
            {
                var c = text[_pos];
                if (c is ' ' or '\t' or '\f') _pos++;
                else if (c == '\\' && _pos + 1 < text.Length && text[_pos + 1] == '\n') _pos += 2;
                else if (c == '#')
                {
                    while (_pos < text.Length && text[_pos] != '\n') _pos++;
                }
                else if (c is '\n' or '\r')
                {
                    if (_depth == 0 && _seenToken && !OnlyCommentsRemain()) throw new NotLiteralException();
                    _pos++;
                }
                else break;
            }
        }

        private bool OnlyCommentsRemain()
        {
            foreach (var line in text[_pos..].Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.Length > 0 && trimmed[0] != '#') return false;
            }
            return true;
        }

        private Token LexNumber()
        {
            var start = _pos;
            if (text[_pos] == '0' && _pos + 1 < text.Length && char.ToLowerInvariant(text[_pos + 1]) is 'x' or 'o' or 'b')
            {
                var radix = char.ToLowerInvariant(text[_pos + 1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
                _pos += 2;
                var digits = ReadDigits(ch => Uri.IsHexDigit(ch) && Convert.ToInt32(ch.ToString(), 16) < radix, allowLeadingUnderscore: true);
                if (digits.Length == 0) throw new NotLiteralException();
                var value = BigInteger.Zero;
                foreach (var d in digits) value = value * radix + Convert.ToInt32(d.ToString(), 16);
                EnsureNumberEnds();
                return new Token(Kind.Number, text[start.._pos], new IniInteger(value));
            }
            var integerPart = ReadDigits(char.IsAsciiDigit, allowLeadingUnderscore: false);
            var isFloat = false;
            var fraction = "";
            if (_pos < text.Length && text[_pos] == '.')
            {
                isFloat = true;
                _pos++;
                if (_pos < text.Length && char.IsAsciiDigit(text[_pos])) fraction = ReadDigits(char.IsAsciiDigit, allowLeadingUnderscore: false);
            }
            var exponent = "";
            if (_pos < text.Length && text[_pos] is 'e' or 'E')
            {
                var save = _pos;
                _pos++;
                var sign = "";
                if (_pos < text.Length && text[_pos] is '+' or '-') sign = text[_pos++].ToString();
                if (_pos < text.Length && char.IsAsciiDigit(text[_pos]))
                {
                    exponent = sign + ReadDigits(char.IsAsciiDigit, allowLeadingUnderscore: false);
                    isFloat = true;
                }
                else
                {
                    _pos = save;
                    throw new NotLiteralException();
                }
            }
            if (_pos < text.Length && text[_pos] is 'j' or 'J') throw new NotLiteralException();
            EnsureNumberEnds();
            if (isFloat)
            {
                var literal = (integerPart.Length == 0 ? "0" : integerPart) + "." + (fraction.Length == 0 ? "0" : fraction) + (exponent.Length > 0 ? "e" + exponent : "");
                var value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
                return new Token(Kind.Number, text[start.._pos], new IniFloat(value));
            }
            // Python 3 refuses "01" (but allows "00").
            if (integerPart.Length > 1 && integerPart[0] == '0' && integerPart.Any(ch => ch != '0')) throw new NotLiteralException();
            return new Token(Kind.Number, text[start.._pos], new IniInteger(BigInteger.Parse(integerPart, CultureInfo.InvariantCulture)));
        }

        private string ReadDigits(Func<char, bool> isDigit, bool allowLeadingUnderscore)
        {
            var digits = new StringBuilder();
            var lastWasUnderscore = false;
            while (_pos < text.Length)
            {
                var ch = text[_pos];
                if (isDigit(ch))
                {
                    digits.Append(ch);
                    lastWasUnderscore = false;
                }
                else if (ch == '_' && !lastWasUnderscore && (digits.Length > 0 || allowLeadingUnderscore)
                         && _pos + 1 < text.Length && isDigit(text[_pos + 1]))
                {
                    lastWasUnderscore = true;
                }
                else break;
                _pos++;
            }
            return digits.ToString();
        }

        private void EnsureNumberEnds()
        {
            if (_pos < text.Length && (IsIdentifierPart(text[_pos]) || text[_pos] == '.')) throw new NotLiteralException();
        }

        private static bool IsStringPrefix(string word) =>
            word.ToLowerInvariant() is "r" or "u";

        private Token LexStrings(string prefix)
        {
            var start = _pos - prefix.Length;
            var value = new StringBuilder();
            value.Append(LexOneString(prefix));
            // Adjacent literals are concatenated by the compiler.
            while (true)
            {
                var save = _pos;
                SkipTrivia();
                var wordStart = _pos;
                while (_pos < text.Length && char.IsAsciiLetter(text[_pos])) _pos++;
                var nextPrefix = text[wordStart.._pos];
                if (_pos < text.Length && text[_pos] is '\'' or '"' && (nextPrefix.Length == 0 || IsStringPrefix(nextPrefix)))
                {
                    value.Append(LexOneString(nextPrefix));
                }
                else
                {
                    if (_pos < text.Length && text[_pos] is '\'' or '"') throw new NotLiteralException();
                    _pos = save;
                    break;
                }
            }
            return new Token(Kind.String, text[start.._pos], new IniString(value.ToString()));
        }

        private string LexOneString(string prefix)
        {
            var raw = prefix.Contains('r', StringComparison.OrdinalIgnoreCase);
            var quote = text[_pos];
            var triple = _pos + 2 < text.Length && text[_pos + 1] == quote && text[_pos + 2] == quote;
            _pos += triple ? 3 : 1;
            var value = new StringBuilder();
            while (true)
            {
                if (_pos >= text.Length) throw new NotLiteralException();
                var c = text[_pos];
                if (c == quote)
                {
                    if (!triple)
                    {
                        _pos++;
                        return value.ToString();
                    }
                    if (_pos + 2 < text.Length && text[_pos + 1] == quote && text[_pos + 2] == quote)
                    {
                        _pos += 3;
                        return value.ToString();
                    }
                    value.Append(c);
                    _pos++;
                }
                else if (c == '\n' && !triple) throw new NotLiteralException();
                else if (c == '\\')
                {
                    if (_pos + 1 >= text.Length) throw new NotLiteralException();
                    if (raw)
                    {
                        // A raw string keeps the backslash, but the quote after it does not end the string.
                        value.Append(c).Append(text[_pos + 1]);
                        _pos += 2;
                    }
                    else ReadEscape(value);
                }
                else
                {
                    value.Append(c);
                    _pos++;
                }
            }
        }

        private void ReadEscape(StringBuilder value)
        {
            var e = text[_pos + 1];
            _pos += 2;
            switch (e)
            {
                case '\n': break;
                case '\\': value.Append('\\'); break;
                case '\'': value.Append('\''); break;
                case '"': value.Append('"'); break;
                case 'a': value.Append('\a'); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case 'v': value.Append('\v'); break;
                case 'x': value.Append(ReadHex(2)); break;
                case 'u': value.Append(ReadHex(4)); break;
                case 'U': value.Append(ReadHex(8)); break;
                case >= '0' and <= '7':
                {
                    var code = e - '0';
                    for (var i = 0; i < 2 && _pos < text.Length && text[_pos] is >= '0' and <= '7'; i++) code = code * 8 + (text[_pos++] - '0');
                    value.Append(char.ConvertFromUtf32(code));
                    break;
                }
                case 'N': throw new NotLiteralException();
                default:
                    // Python keeps an unknown escape as written (with only a warning).
                    value.Append('\\').Append(e);
                    break;
            }
        }

        private string ReadHex(int length)
        {
            if (_pos + length > text.Length) throw new NotLiteralException();
            var digits = text.Substring(_pos, length);
            if (!digits.All(Uri.IsHexDigit)) throw new NotLiteralException();
            _pos += length;
            var code = int.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF) throw new NotLiteralException();
            return char.ConvertFromUtf32(code);
        }

        private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';
        private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
    }
}
