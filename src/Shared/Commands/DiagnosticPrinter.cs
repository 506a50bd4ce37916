using AiSprint.Model.Diagnostics;

namespace AiSprint.Commands;

/// <summary>Prints diagnostics in file order, one per line, in the form MSBuild and editors recognise.</summary>
internal static class DiagnosticPrinter
{
    public static void Print(IEnumerable<Diagnostic> diagnostics, TextWriter writer, bool includeWarnings = true)
    {
        var ordered = diagnostics
            .Where(d => includeWarnings || d.IsError)
            .OrderBy(d => d.Location.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column);
        foreach (var diagnostic in ordered) writer.WriteLine(diagnostic.ToString());
    }
}
