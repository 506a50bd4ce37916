using System.CommandLine;
using AiSprint.Model;
using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Model.Units;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;
using AiSprint.Placement.Reporting;

namespace AiSprint.Cli.Commands;

/// <summary><c>aisprint evaluate SYSTEM SOLUTION</c>: cost, every time against its threshold, resources, feasibility.</summary>
internal static class EvaluateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var systemPath = new Argument<string>("system") { Description = "The SPACE4AI-D system description (JSON)." };
        var solutionPath = new Argument<string>("solution") { Description = "A solution of it, in the Python or the C++ layout." };
        var lambda = new Option<double?>("--lambda")
        {
            Description = "Arrival rate in req/s. Default: the solution's Lambda, else the system's.",
        };
        var outputPath = new Option<string?>("--output", "-o") { Description = "Also write the evaluated solution (the layout of the authors' files) to this JSON file." };
        var command = new Command("evaluate",
            "Evaluate a placement with SPACE4AI-D's model: total cost, every partition, component and path response time with its\n" +
            "threshold and slack, utilisation and memory per resource, and feasibility.\n" +
            "Exit code 0 when feasible, 3 when infeasible, 1 when an input is invalid.")
        {
            systemPath, solutionPath, lambda, outputPath,
        };
        command.SetAction(parse =>
        {
            var system = Space4AiSystemReader.Load(parse.GetValue(systemPath)!);
            var solution = Space4AiSolutionReader.Load(parse.GetValue(solutionPath)!);
            DiagnosticPrinter.Print(system.Diagnostics.Concat(solution.Diagnostics), error);
            if (!system.Succeeded || !solution.Succeeded) return ExitCodes.InvalidInput;

            var rate = parse.GetValue(lambda) is { } l ? new RequestsPerSecond(l) : solution.Value!.Value.Lambda ?? system.Value!.Value.Lambda;
            var problem = PlacementProblemBuilder.Build(system.Value!.Value, system.Value.Map, rate);
            DiagnosticPrinter.Print(problem.Diagnostics, error);
            if (!problem.Succeeded) return ExitCodes.InvalidInput;
            var decision = SolutionMapping.ToDecision(problem.Value!, solution.Value!.Value, solution.Value.Map);
            DiagnosticPrinter.Print(decision.Diagnostics, error);
            if (!decision.Succeeded) return ExitCodes.InvalidInput;

            var evaluation = PlacementEvaluator.Evaluate(problem.Value!, decision.Value!);
            output.Write(PlacementReport.Format(evaluation));
            if (parse.GetValue(outputPath) is { } path && evaluation.Decision is not null)
            {
                Space4AiSolutionWriter.WriteFile(SolutionMapping.ToSolution(evaluation), path);
            }
            return evaluation.IsFeasible ? ExitCodes.Success : ExitCodes.Infeasible;
        });
        return command;
    }
}
