using AiSprint.Model.Diagnostics;

namespace AiSprint.Cli.Commands;

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

/// <summary>Process exit codes of every aisprint command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    /// <summary>An input has errors (or, for convert, could not be converted); nothing was written.</summary>
    public const int InvalidInput = 1;
    /// <summary>Command-line usage error (System.CommandLine's own).</summary>
    public const int Usage = 2;
    /// <summary>The inputs are valid but the placement violates a constraint.</summary>
    public const int Infeasible = 3;
}
