using AiSprint.Model.Diagnostics;

namespace AiSprint.Deploy.Inputs;

/// <summary>The <c>KEY=PATH</c> pairs of the deploy's repeatable inputs; a malformed one is reported at the option and skipped.</summary>
internal static class OptionPairs
{
    public static IEnumerable<KeyValuePair<string, string>> Parse(IEnumerable<string> arguments, string option, string expected,
        DiagnosticDescriptor descriptor, DiagnosticBag diagnostics)
    {
        foreach (var argument in arguments)
        {
            var at = argument.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || at == argument.Length - 1)
            {
                diagnostics.Add(descriptor, SourceLocation.WholeFile(option), $"'{argument}': expected {expected}");
                continue;
            }
            yield return new KeyValuePair<string, string>(argument[..at], argument[(at + 1)..]);
        }
    }
}
