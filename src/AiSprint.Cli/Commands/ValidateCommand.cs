using System.CommandLine;
using AiSprint.Model.Inputs;

namespace AiSprint.Cli.Commands;

/// <summary><c>aisprint validate PATH...</c>: every error of every input, exit 1 if any.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files, AI-SPRINT application directories, or directories to search for inputs (format told from name and content).",
            Arity = ArgumentArity.OneOrMore,
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print errors only, no warnings or summaries." };
        var system = new Option<string?>("--system", "-s")
        {
            Description = "For solutions: the SPACE4AI-D system they place (default: system_description.json beside each solution).",
        };
        var command = new Command("validate",
            "Check inputs for every format and design error. Prints each problem as file:line:column: error CODE: message.\n" +
            "Exit code 0 when every input is valid (warnings allowed), 1 otherwise.")
        {
            paths,
            quiet,
            system,
        };
        command.SetAction(parse =>
        {
            var anyInvalid = false;
            foreach (var report in (parse.GetValue(paths) ?? []).SelectMany(p => InputValidator.ValidateTree(p, parse.GetValue(system))))
            {
                var path = report.Path;
                anyInvalid |= !report.IsValid;
                DiagnosticPrinter.Print(report.Diagnostics, error, includeWarnings: !parse.GetValue(quiet));
                if (report.IsValid && !parse.GetValue(quiet))
                {
                    var warnings = report.WarningCount > 0 ? $", {report.WarningCount} warning(s)" : "";
                    output.WriteLine($"{path}: valid {report.Summary}{warnings}");
                }
                else if (!report.IsValid)
                {
                    error.WriteLine($"{path}: invalid {report.Summary}: {report.ErrorCount} error(s)");
                }
            }
            return anyInvalid ? ExitCodes.InvalidInput : ExitCodes.Success;
        });
        return command;
    }
}
