using System.CommandLine;
using AiSprint.Deploy;
using AiSprint.Model.Units;

namespace AiSprint.Cli.Commands;

/// <summary>
/// <c>aisprint deploy</c>: the options of <see cref="DeployPipeline"/>, the build's last step, and the printing of its
/// outcome (diagnostics on the error stream in the form MSBuild recognises, the summary on the output, the exit code).
/// </summary>
internal static class DeployCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var design = new Argument<string>("design") { Description = "The design document: a compiled assembly (.dll/.exe) or its JSON (aisprint design)." };
        var resources = new Option<string>("--resources") { Description = "The candidate resources (AI-SPRINT candidate_resources.yaml).", Required = true };
        var demands = new Option<string[]>("--demands") { Description = "A demands CSV (component,resource,demand_ms[,cold_ms]); repeatable. Files merge as the analyzers merge them: hand-written ones, then the build's predictions (under aisprint/demands/), then demands measured on this machine (aisprint/measured/), each in path order, a later file's row winning." };
        var partitions = new Option<string[]>("--partition") { Description = "COMPONENT=MANIFEST: the partition manifest (aisprint partition) of a [Partitionable] component; repeatable." };
        var onnx = new Option<string[]>("--onnx") { Description = "COMPONENT=MODEL.onnx: the source model of a partitioned component, for per-layer demands; repeatable." };
        var layerModels = new Option<string[]>("--layer-model") { Description = "RESOURCE=LAYERS.json: a per-layer model (aisprint layers train) measured on a candidate resource; it gives partitions their demand there instead of the FLOP share. Repeatable." };
        var lambda = new Option<double?>("--lambda") { Description = "Arrival rate in req/s (default: [ExpectedThroughput] of the entry component)." };
        var outputDirectory = new Option<string>("--output", "-o") { Description = "The aisprint/ directory to write.", Required = true };
        var measured = new Option<string?>("--measured") { Description = "The measured-vs-predicted summary of a profile (aisprint profile-report -o FILE) to show in report.txt, beside the demands it gave." };
        var sweepPoints = new Option<int>("--sweep-points")
        {
            Description = "How many arrival rates report.html's cost-against-Lambda chart places at (2·Lambda/N, 4·Lambda/N, ... up to 2·Lambda, with a shorter search than the build's); 0 leaves the chart out.",
            DefaultValueFactory = _ => 8,
        };
        var exitCounts = new Option<string[]>("--exit-counts") { Description = "A measured exit-counts CSV (component,exit,requests; EarlyExitCountsRecorder writes it from the aisprint.early_exit.requests counter): its exit probabilities replace the declared ones of early-exit components; repeatable." };
        var explain = new Option<bool>("--no-explain") { Description = "When no placement is feasible, skip the search for the relaxation and the largest Lambda that would be feasible." };
        var performance = new Option<string?>("--deployments-performance")
        {
            Description = "For an application with [Alternative] methods: the metric of each deployment (the AI-SPRINT Studio's deployments_performance.yaml; the project's AiSprintDeploymentsPerformance item).",
        };
        var objective = new Option<string>("--objective")
        {
            Description = "For an application with alternatives: highest-metric (SPACE4AI-R's rule) or cheapest (the cheapest feasible placement whose metric meets the threshold).",
            DefaultValueFactory = _ => "highest-metric",
        };
        objective.AcceptOnlyFromAmong("highest-metric", "cheapest");
        var search = new SearchOptionSet();
        var command = new Command("deploy",
            "Place an annotated application and write its deployment: design/ (system_description.json, AI-SPRINT YAML),\n" +
            "deployment/ (production_deployment.yaml, solution.json, report.txt), monitoring/rules.yml, security/policy.yaml,\n" +
            "and report.html (the DAG, constraints, costs and charts in one self-contained page).\n" +
            "Exit code 0 with a placement, 3 when none is feasible (warnings AIS0050/AIS0051 say why), 1 on invalid input.")
        {
            design, resources, demands, partitions, onnx, layerModels, lambda, outputDirectory, explain, measured, performance, objective, sweepPoints, exitCounts,
        };
        foreach (var option in search.All) command.Options.Add(option);
        command.SetAction((parse, cancellation) =>
        {
            var request = new DeployRequest(parse.GetValue(design)!, parse.GetValue(resources)!, parse.GetValue(outputDirectory)!)
            {
                Demands = parse.GetValue(demands) ?? [],
                Partitions = parse.GetValue(partitions) ?? [],
                Onnx = parse.GetValue(onnx) ?? [],
                LayerModels = parse.GetValue(layerModels) ?? [],
                ExitCounts = parse.GetValue(exitCounts) ?? [],
                Lambda = parse.GetValue(lambda) is { } l ? new RequestsPerSecond(l) : null,
                Search = search.Parse(parse, cancellation),
                Explain = !parse.GetValue(explain),
                MeasuredReport = parse.GetValue(measured),
                SweepPoints = parse.GetValue(sweepPoints),
                DeploymentsPerformance = parse.GetValue(performance),
                CheapestAlternative = parse.GetValue(objective) == "cheapest",
            };
            var outcome = DeployPipeline.Run(request, new ProgressDisplay.Stages(error));
            DiagnosticPrinter.Print(outcome.Diagnostics, error);
            foreach (var line in outcome.Messages) output.WriteLine(line);
            return Task.FromResult(outcome.ExitCode);
        });
        return command;
    }
}
