using System.CommandLine;
using System.Globalization;
using AiSprint.Model;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Units;

namespace AiSprint.Cli.Commands;

/// <summary>
/// What an AI-SPRINT application directory does not hold but a SPACE4AI-D system needs — the
/// arrival rate and the constraints — as command-line options shared by convert and place.
/// </summary>
internal sealed class ApplicationOptions
{
    public Option<double?> Lambda { get; } = new("--lambda")
    {
        Description = "Arrival rate at the application's entry in req/s (AI-SPRINT YAML does not hold it; for a system JSON it overrides Lambda).",
    };

    public Option<string[]> Local { get; } = new("--local")
    {
        Description = "For an application directory: a local constraint COMPONENT=THRESHOLD with its unit, e.g. blurry-faces-onnx=20ms. Repeatable.",
    };

    public Option<string[]> Global { get; } = new("--global")
    {
        Description = "For an application directory: a global constraint NAME=C1,C2,...@THRESHOLD over consecutive components, e.g. p1=blurry-faces-onnx,mask-detector-onnx@30ms. Repeatable.",
    };

    /// <exception cref="FormatException">A malformed option, with a message saying what was expected.</exception>
    public AiSprintConversionOptions Parse(ParseResult parse) =>
        ParseOptions(parse.GetValue(Lambda), parse.GetValue(Local) ?? [], parse.GetValue(Global) ?? []);

    private static AiSprintConversionOptions ParseOptions(double? lambda, IEnumerable<string> locals, IEnumerable<string> globals)
    {
        if (lambda is < 0 or double.NaN) throw new FormatException($"--lambda {lambda}: expected a rate ≥ 0 in requests per second");
        var localConstraints = locals.Select(text =>
        {
            var (name, threshold) = Split(text, '=', "--local", "COMPONENT=THRESHOLD, e.g. detector=20ms");
            return new LocalConstraint(name, ParseThreshold(threshold, "--local " + text));
        });
        var globalConstraints = globals.Select(text =>
        {
            var (name, rest) = Split(text, '=', "--global", "NAME=C1,C2,...@THRESHOLD, e.g. p1=a,b@30ms");
            var (path, threshold) = Split(rest, '@', "--global", "NAME=C1,C2,...@THRESHOLD, e.g. p1=a,b@30ms");
            return new GlobalConstraint(name, path.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToValueList(), ParseThreshold(threshold, "--global " + text));
        });
        return new AiSprintConversionOptions
        {
            Lambda = new RequestsPerSecond(lambda ?? 0),
            LocalConstraints = localConstraints.ToValueList(),
            GlobalConstraints = globalConstraints.ToValueList(),
        };
    }

    /// <summary>Thresholds carry their unit: "20ms" or "0.02s"; a bare number is ambiguous and refused.</summary>
    internal static Seconds ParseThreshold(string text, string where)
    {
        var trimmed = text.Trim();
        var (number, toSeconds) = trimmed.EndsWith("ms", StringComparison.Ordinal) ? (trimmed[..^2], 0.001)
            : trimmed.EndsWith('s') ? (trimmed[..^1], 1.0)
            : throw new FormatException($"{where}: the threshold '{text}' has no unit; expected e.g. 20ms or 0.02s");
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > 0) || !double.IsFinite(value))
        {
            throw new FormatException($"{where}: the threshold '{text}' is not a positive duration; expected e.g. 20ms or 0.02s");
        }
        return new Seconds(value * toSeconds);
    }

    private static (string, string) Split(string text, char separator, string option, string expected)
    {
        var at = text.LastIndexOf(separator);
        if (at <= 0 || at == text.Length - 1) throw new FormatException($"{option} {text}: expected {expected}");
        return (text[..at].Trim(), text[(at + 1)..].Trim());
    }

}
