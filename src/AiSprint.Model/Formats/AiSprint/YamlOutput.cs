using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace AiSprint.Model.Formats.AiSprint;

/// <summary>
/// Builds YamlDotNet representation nodes and emits them. Values are written so that the readers
/// read them back unchanged: numbers in round-trip form, booleans as <c>true</c>/<c>false</c>,
/// and strings that YAML would take for null quoted.
/// </summary>
internal static class YamlOutput
{
    /// <summary>
    /// The node as one implicit document: no "---" or "..." markers (YamlStream.Save writes an explicit end). Emitted
    /// through the node's own IYamlConvertible writer, as YamlDotNet's serializer does for a node, but without the
    /// serializer's reflection-based set-up (it is what kept this writer from running under native AOT).
    /// </summary>
    public static string Emit(YamlNode root)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(writer);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        ((IYamlConvertible)root).Write(emitter, null!);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    public static YamlScalarNode Null() => new("null");

    public static YamlScalarNode Str(string? value) => value switch
    {
        null => Null(),
        "" or "~" or "null" or "Null" or "NULL" => new YamlScalarNode(value) { Style = ScalarStyle.DoubleQuoted },
        _ => new YamlScalarNode(value),
    };

    public static YamlScalarNode Num(double value) => new(PlainNumber(value));

    /// <summary>
    /// The shortest round-trip digits of <paramref name="value"/> in positional notation (2.77E-06 is written 0.00000277):
    /// people read these files, and YAML 1.1 readers take E notation without a point in the mantissa (1E+20) for a string.
    /// </summary>
    internal static string PlainNumber(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0) return text;
        var exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = text[..e];
        var negative = mantissa.StartsWith('-');
        if (negative) mantissa = mantissa[1..];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        var position = (point < 0 ? mantissa.Length : point) + exponent; // where the decimal point falls in digits
        var plain = position <= 0 ? "0." + new string('0', -position) + digits
            : position >= digits.Length ? digits + new string('0', position - digits.Length)
            : digits[..position] + "." + digits[position..];
        return negative ? "-" + plain : plain;
    }

    public static YamlScalarNode Bool(bool value) => new(value ? "true" : "false");

    public static YamlSequenceNode Strings(IEnumerable<string> values) => new(values.Select(v => (YamlNode)Str(v)));

    public static YamlSequenceNode Numbers(IEnumerable<double> values) => new(values.Select(v => (YamlNode)Num(v)));

    /// <summary>Adds the entry only when the value is known, so optional keys stay absent.</summary>
    public static void AddIf(this YamlMappingNode map, string key, YamlNode? value)
    {
        if (value is not null) map.Add(key, value);
    }

    public static YamlScalarNode? OptStr(string? value) => value is null ? null : Str(value);

    public static YamlScalarNode? OptNum(double? value) => value is null ? null : Num(value.Value);

    public static YamlScalarNode? OptBool(bool? value) => value is null ? null : Bool(value.Value);
}
