using System.CommandLine;
using System.Globalization;
using AiSprint.Model.Alternatives;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.AiSprint;

namespace AiSprint.Cli.Commands;

/// <summary>
/// <c>aisprint metrics</c>: the application metric of every deployment of an AI-SPRINT application with alternatives,
/// computed from its implementations' confusion matrices (the Studio's model_performance manager, §1.3, accuracy
/// fixed), written as space4ai-r/deployments_performance.yaml.
/// </summary>
internal static class MetricsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Argument<string>("app") { Description = "An AI-SPRINT application directory with alternative_components." };
        var metric = new Option<string>("--metric") { Description = "average_accuracy, average_f1, average_precision or average_recall.", Required = true };
        metric.AcceptOnlyFromAmong([.. ApplicationMetrics.Names]);
        var threshold = new Option<double?>("--threshold") { Description = "metric_thr: deployments below it are never chosen; in (0, 1]." };
        var filter = new Option<string>("--filter") { Description = "COMPONENT:CLASS — the filter and the class it discards, e.g. blurry-faces-onnx:no_face.", Required = true };
        var classifier = new Option<string>("--classifier") { Description = "COMPONENT[:CLASS] — the classifier and, if it can predict the filtered class, its label for it.", Required = true };
        var outputFile = new Option<string?>("--output", "-o") { Description = $"Where to write (default: APP/{DeploymentsPerformanceYaml.Directory}/{DeploymentsPerformanceYaml.FileName})." };
        var command = new Command("metrics",
            "Compute each deployment's application metric from the confusion matrices in src/<implementation>/classification_performance/\n" +
            "(a filter → classifier pair, as the AI-SPRINT Studio) and write deployments_performance.yaml. Exit 1 on invalid input.")
        {
            input, metric, threshold, filter, classifier, outputFile,
        };
        command.SetAction(parse => Run(parse.GetValue(input)!, ApplicationMetrics.Parse(parse.GetValue(metric)!)!.Value, parse.GetValue(threshold),
            parse.GetValue(filter)!, parse.GetValue(classifier)!, parse.GetValue(outputFile), output, error));
        return command;
    }

    private static int Run(string directory, ApplicationMetric metric, double? threshold, string filter, string classifier, string? target, TextWriter output, TextWriter error)
    {
        if (threshold is { } t && !ApplicationMetrics.IsValidThreshold(t))
        {
            error.WriteLine($"--threshold {t.ToString(CultureInfo.InvariantCulture)}: expected a value above 0 and at most 1");
            return ExitCodes.InvalidInput;
        }
        var (filterName, filteredClass) = Split(filter);
        var (classifierName, classifierClass) = Split(classifier);
        if (filteredClass is null)
        {
            error.WriteLine($"--filter {filter}: expected COMPONENT:CLASS, the class the filter discards");
            return ExitCodes.InvalidInput;
        }
        var loaded = AiSprintApplicationLoader.Load(directory);
        DiagnosticPrinter.Print(loaded.Diagnostics, error);
        if (!loaded.Succeeded) return ExitCodes.InvalidInput;
        var dag = loaded.Value!.Value.Dag;
        var matrices = new Dictionary<string, ConfusionMatrix>(StringComparer.Ordinal);
        var problems = new DiagnosticBag();
        ConfusionMatrix MatrixOf(string implementation)
        {
            if (matrices.TryGetValue(implementation, out var known)) return known;
            var read = ClassificationPerformanceFiles.Load(Path.Combine(directory, "src", implementation, ClassificationPerformanceFiles.Folder));
            problems.AddRange(read.Diagnostics);
            if (read.Value is null) throw new MetricChainException($"{implementation} has no readable confusion matrix");
            return matrices[implementation] = read.Value;
        }

        var roles = new MetricRoles(filterName, filteredClass, classifierName, classifierClass);
        var computed = new List<AlternativeDeployment>();
        try
        {
            foreach (var deployment in dag.Deployments()) computed.Add(DeploymentMetricCalculator.Compute(deployment, roles, metric, MatrixOf));
        }
        catch (MetricChainException ex)
        {
            DiagnosticPrinter.Print(problems.Items, error);
            DiagnosticPrinter.Print([DiagnosticCatalog.MetricChainUnsupported.At(loaded.Value.Map.Locate(ModelKeys.DagNode(filterName)), ex.Message)], error);
            return ExitCodes.InvalidInput;
        }
        var path = target ?? Path.Combine(directory, DeploymentsPerformanceYaml.Directory, DeploymentsPerformanceYaml.FileName);
        DeploymentsPerformanceYaml.WriteFile(path, metric, threshold, computed);
        foreach (var d in computed.OrderByDescending(d => d.Metric))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{d.Label}: {metric.Name()} {d.Metric:0.####}"));
        }
        output.WriteLine($"wrote {path}");
        return ExitCodes.Success;
    }

    private static (string Component, string? Class) Split(string text)
    {
        var at = text.LastIndexOf(':');
        return at <= 0 || at == text.Length - 1 ? (text, null) : (text[..at], text[(at + 1)..]);
    }
}
