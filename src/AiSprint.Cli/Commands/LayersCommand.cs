using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Onnx;
using AiSprint.Onnx.Graph;
using AiSprint.Onnx.Partitioning;
using AiSprint.Profiling.Layers.Features;
using AiSprint.Profiling.Layers.Measurement;
using AiSprint.Profiling.Layers.Modelling;
using AiSprint.Profiling.Layers.Reporting;
using Microsoft.ML.OnnxRuntime;

namespace AiSprint.Cli.Commands;

/// <summary><c>aisprint layers train</c> and <c>aisprint layers predict</c>: the per-layer DNN model (design document §4.5.1).</summary>
internal static class LayersCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var command = new Command("layers", "The per-layer DNN performance model: per-node times from ONNX Runtime's profiler, per-category models on Table 4.1 operation counts.");
        command.Subcommands.Add(Train(output, error));
        command.Subcommands.Add(Predict(output, error));
        return command;
    }

    private static Command Train(TextWriter output, TextWriter error)
    {
        var models = new Argument<string[]>("models") { Description = "ONNX models to measure (at least one).", Arity = ArgumentArity.OneOrMore };
        var outputPath = new Option<string>("--output", "-o") { Description = "The layer model file to write (LAYERS.json).", Required = true };
        var threads = new Option<string>("--threads") { Description = "Intra-op thread counts, comma-separated: one model per count (default 1).", DefaultValueFactory = _ => "1" };
        var level = new Option<string>("--opt-level") { Description = "ONNX Runtime graph optimisation level: disabled, basic, extended or all (default all). Predictions are valid for this level.", DefaultValueFactory = _ => "all" };
        var runs = new Option<int>("--runs") { Description = "Measured runs per network (median per node).", DefaultValueFactory = _ => 10 };
        var warmup = new Option<int>("--warmup") { Description = "Warm-up runs discarded first.", DefaultValueFactory = _ => 3 };
        var resource = new Option<string?>("--resource") { Description = "The candidate resource this machine stands for (written into the file)." };
        var input = SampleInputOption("Fixes dynamic dimensions of a single model");
        var documentPipeline = new Option<bool>("--document-pipeline")
        {
            Description = "Also try the design document's pipeline: features augmented with inverses and degree-2 crossovers, forward selection of at most 8 for Ridge (LRRidge+SFS), XGBoost on the augmented features; chosen only if cross-validation prefers it.",
        };
        var command = new Command("train",
            "Measure every node of the networks with ONNX Runtime's session profiler, then fit per layer category the document's linear model in the\n" +
            "Table 4.1 operation count, the same with a memory term (linear+bytes: + bytes read and written, fitted on relative error) and the\n" +
            "aMLLibrary techniques on the layer features, chosen by cross-validation. Exit code 0, or 1 on bad input.")
        {
            models, outputPath, threads, level, runs, warmup, resource, input, documentPipeline,
        };
        command.SetAction(parse =>
        {
            if (ParseThreads(parse.GetValue(threads)!, error) is not { } threadList) return ExitCodes.InvalidInput;
            if (ParseLevel(parse.GetValue(level)!, error) is not { } optimization) return ExitCodes.InvalidInput;
            var measurements = new List<NetworkMeasurement>();
            var paths = parse.GetValue(models)!;
            if (parse.GetValue(input) is not null && paths.Length > 1)
            {
                error.WriteLine($"--input: error {DiagnosticCatalog.LayerOptionInvalid.Code}: one sample input cannot fix the shapes of {paths.Length} models; put MODEL.input.npy beside each model instead");
                return ExitCodes.InvalidInput;
            }
            foreach (var path in paths)
            {
                if (Analyze(path, parse.GetValue(input), error) is not { } analysis) return ExitCodes.InvalidInput;
                foreach (var t in threadList)
                {
                    if (Measure(analysis, new ProfilingSettings(t, optimization, Math.Max(0, parse.GetValue(warmup)), Math.Max(1, parse.GetValue(runs))), error) is not { } m) return ExitCodes.InvalidInput;
                    measurements.Add(m);
                    output.WriteLine($"measured {analysis.ModelName} ({t} thread(s), optimisation {m.Settings.OptimizationLevelName}): {m.WholeRunMilliseconds:F3} ms per run, {m.RuntimeNodes.Count} runtime nodes for {analysis.NodeCount} source nodes");
                }
            }
            var file = LayerModelTrainer.Train(measurements, new LayerTrainingOptions { DocumentPipeline = parse.GetValue(documentPipeline) }, parse.GetValue(resource));
            file.Save(parse.GetValue(outputPath)!);
            foreach (var threadModel in file.ThreadModels)
            {
                output.WriteLine($"{threadModel.Threads} thread(s): convention {file.Convention}; fusions {string.Join(", ", threadModel.Fusions.Select(f => $"{f.Absorbed}→{f.Into}"))}");
                foreach (var category in threadModel.Categories)
                {
                    output.WriteLine($"  {category.Category,-13} {category.Rows,4} rows  selected {category.Selected,-13} cross-validated MAPE: " +
                        string.Join(", ", category.Scores.Select(s => $"{s.Technique} {(s.CrossValidationMape is { } m ? (m * 100).ToString("F1", CultureInfo.InvariantCulture) + " %" : "-")}")));
                }
            }
            output.WriteLine($"wrote {parse.GetValue(outputPath)}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Predict(TextWriter output, TextWriter error)
    {
        var modelPath = new Argument<string>("model") { Description = "The ONNX model to predict." };
        var layers = new Option<string>("--layers-model", "-m") { Description = "A layer model file written by 'aisprint layers train'.", Required = true };
        var measure = new Option<bool>("--measure") { Description = "Also measure the network (same threads and level) and report measured beside predicted, with the MAPE." };
        var json = new Option<bool>("--json") { Description = "Write the prediction as JSON on standard output instead of tables." };
        var svg = new Option<string?>("--svg") { Description = "Write a chart of predicted (and measured) time per layer." };
        var threads = new Option<int?>("--threads") { Description = "Which thread count's model to use (default: the first in the file)." };
        var maxPartitions = new Option<int>("--max-partitions") { Description = "Predict the partitions of the partitioner's best plan with up to this many parts.", DefaultValueFactory = _ => 2 };
        var runs = new Option<int>("--runs") { Description = "Measured runs with --measure.", DefaultValueFactory = _ => 10 };
        var input = SampleInputOption("Fixes the model's dynamic dimensions");
        var command = new Command("predict",
            "Predict per-node, per-cut-point cumulative, per-partition and whole-network inference time with a layer model. Exit code 0, or 1 on bad input.")
        {
            modelPath, layers, measure, json, svg, threads, maxPartitions, runs, input,
        };
        command.SetAction(parse =>
        {
            var layersPath = parse.GetValue(layers)!;
            LayerModelFile file;
            try
            {
                file = LayerModelFile.Load(layersPath);
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine(ex.Message.StartsWith(layersPath, StringComparison.Ordinal) ? $"{Located(ex.Message)} error {DiagnosticCatalog.LayerModelUnreadable.Code}: {Rest(ex.Message)}" : $"{layersPath}: error {DiagnosticCatalog.LayerModelUnreadable.Code}: {ex.Message}");
                return ExitCodes.InvalidInput;
            }
            var requested = parse.GetValue(threads);
            if (requested is { } t && file.ThreadModels.All(m => m.Threads != t))
            {
                error.WriteLine($"{layersPath}: error {DiagnosticCatalog.LayerOptionInvalid.Code}: the layer model has no model for {t} thread(s); it has {string.Join(", ", file.ThreadModels.Select(m => m.Threads))}");
                return ExitCodes.InvalidInput;
            }
            if (Analyze(parse.GetValue(modelPath)!, parse.GetValue(input), error) is not { } analysis) return ExitCodes.InvalidInput;
            var prediction = LayerPredictor.Predict(analysis, file, requested);
            Dictionary<int, double>? measured = null;
            double? measuredTotal = null;
            if (parse.GetValue(measure))
            {
                var level = ProfilingSettings.ParseLevel(file.OptimizationLevel) ?? GraphOptimizationLevel.ORT_ENABLE_ALL;
                if (Measure(analysis, new ProfilingSettings(prediction.Threads, level, 3, Math.Max(1, parse.GetValue(runs))), error) is not { } m) return ExitCodes.InvalidInput;
                measured = m.Nodes.ToDictionary(n => n.NodeIndex, n => n.Milliseconds);
                measuredTotal = m.KernelSumMilliseconds;
            }
            var plans = PartitionPlanner.Plan(analysis, new PartitionConstraints { MinPartitions = 2, MaxPartitions = Math.Max(2, parse.GetValue(maxPartitions)) });
            var partitions = plans.Count > 0 ? prediction.Partitions(plans[0]) : [];
            if (parse.GetValue(json)) output.WriteLine(Json(prediction, file, measured, measuredTotal, plans.FirstOrDefault(), partitions, analysis));
            else Table(output, prediction, file, measured, measuredTotal, plans.FirstOrDefault(), partitions, analysis);
            if (parse.GetValue(svg) is { } svgPath)
            {
                AtomicFile.WriteAllText(svgPath, PredictionChart.RenderSvg(prediction, measured));
                if (!parse.GetValue(json)) output.WriteLine($"wrote {svgPath}");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Table(TextWriter output, NetworkPrediction prediction, LayerModelFile file, Dictionary<int, double>? measured, double? measuredTotal,
        PartitionPlan? plan, IReadOnlyList<PartitionPrediction> partitions, ModelAnalysis analysis)
    {
        output.WriteLine($"{prediction.ModelName}: {prediction.Threads} thread(s), optimisation {prediction.OptimizationLevel}, operation counts {file.Convention} (trained on {string.Join(", ", file.TrainedOn)})");
        output.WriteLine($"{"#",4}  {"node",-24} {"op",-18} {"category",-12} {"operations",16} {"predicted ms",13}{(measured is null ? "" : $" {"measured ms",12}")}  model");
        foreach (var n in prediction.Nodes)
        {
            var m = measured is null ? "" : $" {measured.GetValueOrDefault(n.NodeIndex),12:F3}";
            output.WriteLine($"{n.NodeIndex,4}  {Trim(n.Name, 24),-24} {Trim(n.Op, 18),-18} {n.Category,-12} {n.Operations,16:N0} {n.PredictedMs,13:F3}{m}  {(n.FusedInto is { } into ? "fused into " + into : n.Model)}");
        }
        output.WriteLine("cut points (cumulative time up to the cut):");
        foreach (var c in prediction.Cuts)
        {
            var m = measured is null ? "" : $"  measured {MeasuredUpTo(analysis, c, measured):F3} ms";
            output.WriteLine($"  {Trim(c.Tensor, 32),-32} predicted {c.CumulativePredictedMs:F3} ms{m}");
        }
        if (plan is not null)
        {
            output.WriteLine($"partitions of the best plan ({plan.PartitionCount} parts at {string.Join(", ", plan.Cuts.Select(c => c.Tensor))}):");
            foreach (var p in partitions) output.WriteLine($"  partition {p.Index}: {p.NodeCount} nodes, predicted {p.PredictedMs:F3} ms");
        }
        output.WriteLine($"total: predicted {prediction.TotalPredictedMs:F3} ms" + (measuredTotal is { } mt ? $", measured {mt:F3} ms (sum of kernels), error {(prediction.TotalPredictedMs - mt) / mt * 100:+0.0;-0.0} %" : ""));
        if (measured is not null) output.WriteLine($"per-node MAPE (nodes that carry time): {NodeMape(prediction, measured) * 100:F1} %");
    }

    private static string Json(NetworkPrediction prediction, LayerModelFile file, Dictionary<int, double>? measured, double? measuredTotal,
        PartitionPlan? plan, IReadOnlyList<PartitionPrediction> partitions, ModelAnalysis analysis)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("model", prediction.ModelName);
            w.WriteString("convention", file.Convention);
            w.WriteString("optimization_level", prediction.OptimizationLevel);
            w.WriteNumber("threads", prediction.Threads);
            w.WriteStartArray("nodes");
            foreach (var n in prediction.Nodes)
            {
                w.WriteStartObject();
                w.WriteString("name", n.Name);
                w.WriteString("operator", n.Op);
                w.WriteString("category", n.Category.ToString());
                w.WriteNumber("operations", n.Operations);
                w.WriteNumber("predicted_ms", n.PredictedMs);
                if (measured is not null) w.WriteNumber("measured_ms", measured.GetValueOrDefault(n.NodeIndex));
                if (n.FusedInto is not null) w.WriteString("fused_into", n.FusedInto);
                w.WriteString("predicted_by", n.Model);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("cuts");
            foreach (var c in prediction.Cuts)
            {
                w.WriteStartObject();
                w.WriteString("tensor", c.Tensor);
                w.WriteNumber("predicted_ms", c.CumulativePredictedMs);
                if (measured is not null) w.WriteNumber("measured_ms", MeasuredUpTo(analysis, c, measured));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("partitions");
            foreach (var p in partitions)
            {
                w.WriteStartObject();
                w.WriteNumber("index", p.Index);
                w.WriteNumber("nodes", p.NodeCount);
                w.WriteNumber("predicted_ms", p.PredictedMs);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("total");
            w.WriteNumber("predicted_ms", prediction.TotalPredictedMs);
            if (measuredTotal is { } mt) w.WriteNumber("measured_ms", mt);
            if (measured is not null) w.WriteNumber("node_mape", NodeMape(prediction, measured));
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static double MeasuredUpTo(ModelAnalysis analysis, CutPrediction cut, Dictionary<int, double> measured) => LayerPredictor.CumulativeUpTo(analysis, cut.Tensor, measured);

    private static double NodeMape(NetworkPrediction prediction, Dictionary<int, double> measured)
    {
        var carrying = prediction.Nodes.Where(n => measured.GetValueOrDefault(n.NodeIndex) > 0).ToList();
        return carrying.Count == 0 ? 0 : carrying.Average(n => Math.Abs(n.PredictedMs - measured[n.NodeIndex]) / measured[n.NodeIndex]);
    }

    private static int[]? ParseThreads(string text, TextWriter error)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var values = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : -1).ToArray();
        if (values.Length == 0 || values.Any(v => v < 0))
        {
            error.WriteLine($"--threads: error {DiagnosticCatalog.LayerOptionInvalid.Code}: '{text}' is not a list of positive thread counts; expected e.g. 1,2");
            return null;
        }
        return values.Distinct().ToArray();
    }

    private static GraphOptimizationLevel? ParseLevel(string text, TextWriter error)
    {
        var level = ProfilingSettings.ParseLevel(text);
        if (level is null) error.WriteLine($"--opt-level: error {DiagnosticCatalog.LayerOptionInvalid.Code}: '{text}' is not an optimisation level; expected disabled, basic, extended or all");
        return level;
    }

    private static Option<string?> SampleInputOption(string what) =>
        new("--input") { Description = what + ": a sample input (.npy) for its first input (default: <model>.input.npy beside the model, if present)." };

    private static ModelAnalysis? Analyze(string path, string? samplePath, TextWriter error)
    {
        try
        {
            return SampleInputs.Analyze(path, samplePath);
        }
        catch (Exception ex) when (ex is OnnxFormatException or IOException or InvalidDataException)
        {
            error.WriteLine($"{path}: error {DiagnosticCatalog.LayerMeasurementFailed.Code}: {ex.Message}");
            return null;
        }
    }

    private static NetworkMeasurement? Measure(ModelAnalysis analysis, ProfilingSettings settings, TextWriter error)
    {
        try
        {
            return NodeTimer.Measure(analysis, settings);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or ArgumentException or InvalidDataException or OnnxFormatException)
        {
            error.WriteLine($"{analysis.ModelPath}: error {DiagnosticCatalog.LayerMeasurementFailed.Code}: {ex.Message}");
            return null;
        }
    }

    private static string Located(string message) => message[..(message.IndexOf(": ", StringComparison.Ordinal) + 1)];

    private static string Rest(string message) => message[(message.IndexOf(": ", StringComparison.Ordinal) + 2)..];

    private static string Trim(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
