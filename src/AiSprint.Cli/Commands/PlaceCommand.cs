using System.CommandLine;
using System.Globalization;
using AiSprint.Model;
using AiSprint.Model.Alternatives;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Formats.Design;
using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Model.Inputs;
using AiSprint.Model.Units;
using AiSprint.Placement.Alternatives;
using AiSprint.Placement.Analysis;
using AiSprint.Placement.Evaluation;
using AiSprint.Placement.Problem;
using AiSprint.Placement.Reporting;
using AiSprint.Placement.Search;

namespace AiSprint.Cli.Commands;

/// <summary>
/// <c>aisprint place</c>: the cheapest placement that meets every constraint, written as the
/// original tool's solution JSON, a readable report and, for an AI-SPRINT application directory,
/// production_deployment.yaml. Explains infeasible instances.
/// </summary>
internal static class PlaceCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Argument<string>("input") { Description = "A SPACE4AI-D system JSON or an AI-SPRINT application directory." };
        var outputDirectory = new Option<string>("--output", "-o") { Description = "The directory to write solution.json, report.txt (and production_deployment.yaml) into.", Required = true };
        var application = new ApplicationOptions();
        var search = new SearchOptionSet();
        var sweep = new Option<string?>("--sweep-lambda")
        {
            Description = "START:END:STEP in req/s: place at each rate and write sweep.csv and sweep.svg (minimum cost and the binding constraint's time against Lambda).",
        };
        var explain = new Option<bool>("--no-explain") { Description = "When no placement is feasible, skip the search for the relaxation and the largest Lambda that would make it feasible." };
        var methods = new Option<string?>("--methods")
        {
            Description = $"SPACE4AI-D run settings (seed, methods, iterations); default: {RunSettingsFile.FileName} beside a system JSON, when there is one. Flags win.",
        };
        var demands = new Option<string[]>("--demands")
        {
            Description = "For an application directory: a demands CSV (component,resource,demand_ms[,cold_ms]) whose component is a candidate_deployments.yaml entry name (component, partition or alternative); repeatable, a later file's row winning.",
        };
        var objective = new Option<string>("--objective")
        {
            Description = "For an application with alternative_components: highest-metric (SPACE4AI-R's rule: the best metric at or above the threshold that places feasibly, ties cheapest) or cheapest (the cheapest feasible placement whose metric meets the threshold).",
            DefaultValueFactory = _ => ObjectiveNames[0],
        };
        objective.AcceptOnlyFromAmong(ObjectiveNames);
        var command = new Command("place",
            "Find the cheapest placement of every component and partition on edge devices, VMs and FaaS that meets every\n" +
            "memory, compatibility, local and global response-time constraint (SPACE4AI-D's model).\n" +
            "Exit code 0 with a placement, 3 when none is feasible (the report says why), 1 on invalid input.")
        {
            input, outputDirectory, application.Lambda, application.Local, application.Global, sweep, explain, methods, demands, objective,
        };
        foreach (var option in search.All) command.Options.Add(option);
        command.SetAction((parse, cancellation) =>
        {
            var options = search.Parse(parse, cancellation);
            string? note = null;
            if (RunSettingsFile.Locate(parse.GetValue(input)!, parse.GetValue(methods)) is { } settingsPath)
            {
                var settings = Space4AiRunSettingsJson.Load(settingsPath);
                DiagnosticPrinter.Print(settings.Diagnostics, error);
                if (!settings.Succeeded) return Task.FromResult(ExitCodes.InvalidInput);
                (options, note) = RunSettingsFile.Apply(settings.Value!.Value, settingsPath, options, search, parse);
            }
            try
            {
                var conversion = application.Parse(parse);
                if (parse.GetValue(demands) is { Length: > 0 } files)
                {
                    var tables = files.Select(DemandTableCsv.Load).ToList();
                    DiagnosticPrinter.Print(tables.SelectMany(t => t.Diagnostics).ToList(), error);
                    if (tables.Any(t => !t.Succeeded)) return Task.FromResult(ExitCodes.InvalidInput);
                    conversion = conversion with { Demands = DemandTable.Merge(tables.Select(t => t.Value!)) };
                }
                if (InputValidator.IsApplicationDirectory(parse.GetValue(input)!) && parse.GetValue(sweep) is null)
                {
                    var alternatives = AlternativesPlacement.TryRun(parse.GetValue(input)!, parse.GetValue(outputDirectory)!, conversion,
                        parse.GetValue(objective) == ObjectiveNames[1] ? DeploymentObjective.CheapestAboveThreshold : DeploymentObjective.HighestMetric, options, output, error);
                    if (alternatives is { } code) return Task.FromResult(code);
                }
                if (parse.GetValue(sweep) is { } range)
                {
                    return Task.FromResult(Sweep(parse.GetValue(input)!, parse.GetValue(outputDirectory)!, range, conversion, options, output, error));
                }
                return Task.FromResult(Run(parse.GetValue(input)!, parse.GetValue(outputDirectory)!, parse.GetValue(application.Lambda), conversion, options, !parse.GetValue(explain), note, output, error));
            }
            catch (FormatException ex)
            {
                error.WriteLine(ex.Message);
                return Task.FromResult(ExitCodes.InvalidInput);
            }
        });
        return command;
    }

    private static readonly string[] ObjectiveNames = ["highest-metric", "cheapest"];

    private static int Run(string input, string directory, double? lambda, AiSprintConversionOptions conversion, SearchOptions options, bool explain, string? settingsNote,
        TextWriter output, TextWriter error)
    {
        if (!Load(input, conversion, error, out var system, out var map, out var application)) return ExitCodes.InvalidInput;
        var rate = lambda is { } l ? new RequestsPerSecond(l) : system.Lambda;
        var built = PlacementProblemBuilder.Build(system, map, rate);
        DiagnosticPrinter.Print(built.Diagnostics, error);
        if (!built.Succeeded) return ExitCodes.InvalidInput;

        var result = ProgressDisplay.Run(error, "placing", progress => PlacementSearch.Run(built.Value!, options with { Progress = progress }));
        Directory.CreateDirectory(directory);
        // The files written are byte-identical for a seed and budget; the elapsed time goes to the console only.
        var summary = SearchSummary.Format(result, options) + (settingsNote is null ? "" : "\n" + settingsNote);
        var timing = $"searched for {result.Elapsed.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";
        if (!result.Found)
        {
            var report = $"No feasible placement found.\n{summary}\n" + Explain(system, map, rate, options, explain);
            AtomicFile.WriteAllText(Path.Combine(directory, "report.txt"), report);
            output.Write(report);
            output.WriteLine(timing);
            return ExitCodes.Infeasible;
        }

        var best = result.Best!;
        var solution = SolutionMapping.ToSolution(best);
        Space4AiSolutionWriter.WriteFile(solution, Path.Combine(directory, "solution.json"));
        var text = $"{summary}\n{PlacementReport.Format(best)}";
        AtomicFile.WriteAllText(Path.Combine(directory, "report.txt"), text);
        if (application is not null)
        {
            var production = ProductionDeploymentBuilder.Build(solution, system, application);
            DiagnosticPrinter.Print(production.Diagnostics, error);
            if (production.Value is { } deployment) AtomicFile.WriteAllText(Path.Combine(directory, ProductionDeploymentYaml.FileName), ProductionDeploymentYaml.Write(deployment));
        }
        output.Write(text);
        output.WriteLine($"{timing}; wrote {directory}");
        return ExitCodes.Success;
    }

    private static int Sweep(string input, string directory, string range, AiSprintConversionOptions conversion, SearchOptions options, TextWriter output, TextWriter error)
    {
        var parts = range.Split(':');
        if (parts.Length != 3 || !parts.All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            throw new FormatException($"--sweep-lambda {range}: expected START:END:STEP in req/s, e.g. 0.1:2:0.1");
        }
        var values = parts.Select(p => double.Parse(p, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        IReadOnlyList<RequestsPerSecond> lambdas;
        try
        {
            lambdas = LambdaSweep.Range(values[0], values[1], values[2]);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"--sweep-lambda {range}: {ex.Message}");
        }
        if (!Load(input, conversion, error, out var system, out var map, out _)) return ExitCodes.InvalidInput;
        var first = PlacementProblemBuilder.Build(system, map, lambdas[0]);
        DiagnosticPrinter.Print(first.Diagnostics, error);
        if (!first.Succeeded) return ExitCodes.InvalidInput;
        var points = ProgressDisplay.Run(error, "sweeping Lambda", progress => LambdaSweep.Run(system, map, lambdas, options, progress));
        Directory.CreateDirectory(directory);
        var csv = LambdaSweep.ToCsv(points);
        AtomicFile.WriteAllText(Path.Combine(directory, "sweep.csv"), csv);
        AtomicFile.WriteAllText(Path.Combine(directory, "sweep.svg"), SweepChart.ToSvg(points, $"{system.Name ?? Path.GetFileNameWithoutExtension(input)}: cost and binding response time against λ"));
        output.Write(csv);
        output.WriteLine($"wrote {Path.Combine(directory, "sweep.csv")} and sweep.svg");
        return points.Any(p => p.Cost is not null) ? ExitCodes.Success : ExitCodes.Infeasible;
    }

    /// <summary>One line (two with the exact step) on how the search ran; no timing, so report files stay byte-identical per seed.</summary>

    private static string Explain(SystemDescription system, SourceMap map, RequestsPerSecond lambda, SearchOptions options, bool search)
    {
        var text = new System.Text.StringBuilder();
        var problem = PlacementProblemBuilder.Build(system, map, lambda).Value!;
        foreach (var impossible in InfeasibilityAnalysis.ImpossibleConstraints(problem))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{(impossible.IsGlobal ? "path" : "component")} {impossible.Name} cannot meet its threshold of {impossible.Threshold.Value:0.####} s: even in the best case it takes {impossible.BestCase.Value:0.####} s ({impossible.Breakdown}); relax it to at least that.");
        }
        if (!search) return text.ToString();
        var probe = InfeasibilityAnalysis.ProbeOptions(options);
        var report = InfeasibilityAnalysis.Analyse(system, map, lambda, probe);
        text.AppendLine(report.ThresholdScale is { } scale
            ? $"Multiplying every threshold by {scale.ToString("0.##", CultureInfo.InvariantCulture)} makes the instance feasible."
            : $"Even thresholds {InfeasibilityAnalysis.MaxScale}× larger are not enough: the resources cannot carry the load (see the Lambda below) or compatibilities rule every placement out.");
        text.AppendLine(report.LargestLambda is { } largest
            ? $"At Lambda ≤ {largest.Value.ToString("0.######", CultureInfo.InvariantCulture)} req/s (now {lambda.Value.ToString("0.######", CultureInfo.InvariantCulture)}) a feasible placement exists."
            : "No lower arrival rate (down to 2^-20 of it) makes it feasible either.");
        return text.ToString();
    }

    private static bool Load(string input, AiSprintConversionOptions conversion, TextWriter error, out SystemDescription system, out SourceMap map, out AiSprintApplication? application)
    {
        system = null!;
        map = null!;
        application = null;
        if (InputValidator.IsApplicationDirectory(input))
        {
            var loaded = AiSprintApplicationLoader.Load(input);
            DiagnosticPrinter.Print(loaded.Diagnostics, error);
            if (!loaded.Succeeded) return false;
            var converted = AiSprintConverter.ToSystemDescription(loaded.Value!, conversion);
            DiagnosticPrinter.Print(converted.Diagnostics, error);
            if (!converted.Succeeded) return false;
            (system, map, application) = (converted.Value!.Value, converted.Value.Map, loaded.Value!.Value);
            return true;
        }
        if (conversion.LocalConstraints.Count + conversion.GlobalConstraints.Count > 0)
        {
            error.WriteLine($"{input}: --local and --global apply to AI-SPRINT application directories; a SPACE4AI-D system JSON states its own constraints");
            return false;
        }
        var read = Space4AiSystemReader.Load(input);
        DiagnosticPrinter.Print(read.Diagnostics, error);
        if (!read.Succeeded) return false;
        (system, map) = (read.Value!.Value, read.Value.Map);
        return true;
    }
}
