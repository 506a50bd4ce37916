using System.CommandLine;
using System.Globalization;
using AiSprint.Model.Formats;
using AiSprint.Onnx;
using AiSprint.Onnx.Extraction;
using AiSprint.Onnx.Graph;
using AiSprint.Onnx.Partitioning;
using AiSprint.Onnx.Reporting;
using AiSprint.Onnx.Verification;

namespace AiSprint.Cli.Commands;

/// <summary><c>aisprint inspect</c> and <c>aisprint partition</c>: per-layer complexity and DNN partitioning of ONNX models.</summary>
internal static class OnnxCommands
{
    public static Command Inspect(TextWriter output, TextWriter error)
    {
        var model = new Argument<string>("model") { Description = "An ONNX model (.onnx)." };
        var svg = new Option<string?>("--svg") { Description = "Also write an SVG chart of output bytes and cumulative FLOPs along the graph." };
        var input = new Option<string?>("--input") { Description = "A sample input (.npy) to fix dynamic dimensions (default: <model>.input.npy beside the model, if present)." };
        var json = new Option<bool>("--json") { Description = "Write the per-layer table and the cut points (with tensor names) as JSON to standard output, for scripts." };
        var command = new Command("inspect", "Per-layer table of an ONNX model: operator, output shape, forward FLOPs, parameters, output bytes; and its single-tensor cut points.")
        {
            model, svg, input, json,
        };
        command.SetAction(parse => Guard(error, () =>
        {
            var analysis = SampleInputs.Analyze(parse.GetValue(model)!, parse.GetValue(input));
            if (parse.GetValue(json))
            {
                output.WriteLine(InspectionJson.Write(analysis));
                if (parse.GetValue(svg) is { } chart) AtomicFile.WriteAllText(chart, LayerChart.RenderSvg(analysis));
                return ExitCodes.Success;
            }
            output.WriteLine($"{analysis.ModelName}: IR {analysis.IrVersion}, opsets {string.Join(", ", analysis.OpsetImports.Select(o => $"{o.Key} {o.Value}"))}, {analysis.NodeCount} nodes, " +
                $"{analysis.TotalParameterCount:N0} parameters ({analysis.TotalParameterBytes:N0} bytes), {analysis.TotalForwardFlops?.ToString("N0", CultureInfo.InvariantCulture) ?? "?"} forward FLOPs");
            output.WriteLine($"{"#",4}  {"op",-20} {"output shape",-22} {"FLOPs",16} {"params",12} {"output bytes",14}  cut");
            var cuts = analysis.CutPoints.Select(c => c.ProducerIndex).ToHashSet();
            foreach (var layer in analysis.Layers)
            {
                var shape = layer.OutputShape is null ? "?" : "[" + string.Join(",", layer.OutputShape.Select(d => d?.ToString(CultureInfo.InvariantCulture) ?? "?")) + "]";
                output.WriteLine($"{layer.NodeIndex,4}  {layer.Op,-20} {shape,-22} {layer.ForwardFlops?.ToString("N0", CultureInfo.InvariantCulture) ?? "?",16} {layer.ParameterCount,12:N0} {layer.OutputBytes?.ToString("N0", CultureInfo.InvariantCulture) ?? "?",14}  {(cuts.Contains(layer.NodeIndex) ? "*" : "")}");
            }
            output.WriteLine($"{analysis.CutPoints.Count} single-tensor cut points (marked *)");
            if (parse.GetValue(svg) is { } path)
            {
                AtomicFile.WriteAllText(path, LayerChart.RenderSvg(analysis));
                output.WriteLine($"wrote {path}");
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    public static Command Partition(TextWriter output, TextWriter error)
    {
        var model = new Argument<string>("model") { Description = "An ONNX model (.onnx)." };
        var outputDirectory = new Option<string>("--output", "-o") { Description = "Where to write partition_<i>_of_<K>.onnx and manifest.json.", Required = true };
        var maxPartitions = new Option<int>("--max-partitions") { Description = "Largest number of partitions K (at least 2).", DefaultValueFactory = _ => 2 };
        var maxMemory = new Option<double?>("--max-memory") { Description = "Largest memory of one partition (parameters + peak activations), in MB." };
        var verify = new Option<bool>("--verify") { Description = "Run the partitions in sequence in ONNX Runtime and compare with the full model on the sample input (without one, on a seeded random input when the model's input shape is static)." };
        var input = new Option<string?>("--input") { Description = "The sample input (.npy) for shapes and --verify (default: <model>.input.npy beside the model)." };
        var earlyExits = new Option<string?>("--early-exits") { Description = "An early_exits.csv (exits,input_nodes,output_nodes): split an early-exit network at its exits instead of at the best cut points." };
        var plansPerK = new Option<int>("--plans")
        {
            Description = "How many plans of each K (2..--max-partitions) to offer the placement, best first: the best one's sub-models go beside manifest.json, each other's into plan_<n>/, and deploy places the component on whichever is cheapest.",
            DefaultValueFactory = _ => 1,
        };
        var transition = new Option<string?>("--transition-probabilities") { Description = "With --early-exits: per exit, comma-separated, the probability that a request does NOT exit there; the manifest's early_exit_probability is 1 − it." };
        var command = new Command("partition",
            "Split an ONNX model at its best single-tensor cut points (fewest bytes transferred, then balanced FLOPs) into runnable sub-models with a manifest.\n" +
            "Exit code 0 on success, 1 on a bad model or when no plan meets the bounds, 3 when --verify finds a difference above tolerance.")
        {
            model, outputDirectory, maxPartitions, maxMemory, verify, input, earlyExits, transition, plansPerK,
        };
        command.SetAction(parse => Guard(error, () =>
        {
            var path = parse.GetValue(model)!;
            var samplePath = parse.GetValue(input) ?? SampleInputs.Beside(path);
            var analysis = SampleInputs.Analyze(path, samplePath);
            if (parse.GetValue(earlyExits) is { } exitsFile)
            {
                return SplitAtExits(analysis, exitsFile, parse.GetValue(transition), parse.GetValue(outputDirectory)!, parse.GetValue(verify), samplePath, output, error);
            }
            var constraints = new PartitionConstraints
            {
                MinPartitions = 2,
                MaxPartitions = Math.Max(2, parse.GetValue(maxPartitions)),
                MaxPartitionMemoryBytes = parse.GetValue(maxMemory) is { } mb ? (long)(mb * 1024 * 1024) : null,
            };
            if (parse.GetValue(plansPerK) is var perK && perK < 1)
            {
                error.WriteLine($"--plans: '{perK}': expected how many plans of each K to offer, 1 or more");
                return ExitCodes.InvalidInput;
            }
            var plans = PartitionPlanner.Offered(analysis, constraints, perK);
            if (plans.Count == 0)
            {
                error.WriteLine($"{path}: no partitioning into 2..{constraints.MaxPartitions} parts meets the bounds ({analysis.CutPoints.Count} cut points){(constraints.MaxPartitionMemoryBytes is { } m ? $"; the memory bound of {m / 1048576.0:0.##} MB per partition may be too small" : "")}");
                return ExitCodes.InvalidInput;
            }
            var directory = parse.GetValue(outputDirectory)!;
            SubModelExtractor.ExtractPlans(analysis, plans, directory);
            for (var n = 1; n <= plans.Count; n++)
            {
                var offered = plans[n - 1];
                var folder = n == 1 ? "" : SubModelExtractor.PlanDirectoryOf(n) + "/";
                output.WriteLine($"{(n == 1 ? analysis.ModelName : $"  plan {n}")}: {offered.PartitionCount} partitions at {string.Join(", ", offered.Cuts.Select(c => c.Tensor))}, {offered.TransferredBytes:N0} bytes transferred");
                foreach (var partition in offered.Partitions)
                {
                    output.WriteLine($"  {folder}{SubModelExtractor.FileNameOf(partition.Index, offered.PartitionCount)}: {partition.NodeIndices.Count} nodes, {partition.ForwardFlops?.ToString("N0", CultureInfo.InvariantCulture) ?? "?"} FLOPs, {partition.MemoryBytes?.ToString("N0", CultureInfo.InvariantCulture) ?? "?"} bytes of memory");
                }
            }
            output.WriteLine($"wrote {directory}{(plans.Count > 1 ? $" ({plans.Count} plans for the placement to choose from)" : "")}");
            if (!parse.GetValue(verify)) return ExitCodes.Success;
            NpyArray sample;
            if (samplePath is not null && File.Exists(samplePath))
            {
                sample = NpyArray.Read(samplePath);
                output.WriteLine($"verification input: {samplePath}");
            }
            else if (SeededInput(analysis) is { } random)
            {
                sample = random;
                output.WriteLine($"verification input: seeded random float32 [{string.Join(",", random.Shape)}] (seed {VerificationSeed}, uniform in [0, 1)), no sample input given");
            }
            else
            {
                error.WriteLine($"{path}: --verify needs a sample input: the input {analysis.Inputs[0]} has a dynamic or non-float shape; pass --input FILE.npy");
                return ExitCodes.InvalidInput;
            }
            using var verifier = new PartitionVerifier(analysis, new Dictionary<string, NpyArray> { [analysis.Inputs[0]] = sample });
            var passed = true;
            for (var n = 1; n <= plans.Count; n++)
            {
                // Every offered plan is one the placement may deploy: each one's files are checked.
                var result = verifier.VerifyFiles(plans[n - 1], n == 1 ? directory : Path.Combine(directory, SubModelExtractor.PlanDirectoryOf(n)));
                output.WriteLine($"verification{(plans.Count > 1 ? $" of plan {n}" : "")}: max |difference| {result.MaxAbsDifference:E2} = {result.RelativeDifference:E2} × max |output| (tolerance {result.RelativeTolerance:E0}): {(result.Passed ? "passed" : "FAILED")}");
                passed &= result.Passed;
            }
            return passed ? ExitCodes.Success : ExitCodes.Infeasible;
        }));
        return command;
    }

    /// <summary>The early-exit split (aisprint-studio.md §2.3): located errors for the exits file, the manifest with exit probabilities.</summary>
    private static int SplitAtExits(ModelAnalysis analysis, string exitsFile, string? transition, string directory, bool verify, string? samplePath, TextWriter output, TextWriter error)
    {
        var exits = AiSprint.Model.Formats.Design.EarlyExitsFile.Load(exitsFile);
        if (!exits.Succeeded)
        {
            DiagnosticPrinter.Print(exits.Diagnostics, error);
            return ExitCodes.InvalidInput;
        }
        var plan = AiSprint.Onnx.EarlyExits.EarlyExitSplitter.Split(analysis, exits.Value!);
        if (!plan.Succeeded)
        {
            DiagnosticPrinter.Print(plan.Diagnostics, error);
            return ExitCodes.InvalidInput;
        }
        var split = plan.Value!;
        var probabilities = new List<double>();
        foreach (var part in (transition ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || !(p >= 0 && p <= 1))
            {
                error.WriteLine($"--transition-probabilities: '{part}' is not a probability in [0, 1]");
                return ExitCodes.InvalidInput;
            }
            probabilities.Add(p);
        }
        if (probabilities.Count != split.ExitCount)
        {
            error.WriteLine($"{exitsFile}: error {AiSprint.Contract.Diagnostics.RuleIds.ExitProbabilityCount}: {probabilities.Count} transition probabilities for {split.ExitCount} exits; expected one per exit (--transition-probabilities)");
            return ExitCodes.InvalidInput;
        }
        var manifest = SubModelExtractor.ExtractEarlyExits(analysis, split, probabilities, directory);
        output.WriteLine($"{analysis.ModelName}: {split.PartitionCount} partitions at {split.ExitCount} early exit{(split.ExitCount == 1 ? "" : "s")}");
        foreach (var p in manifest.Partitions)
        {
            output.WriteLine($"  {p.File}: {p.NodeCount} nodes, {p.ForwardFlops?.ToString("N0", CultureInfo.InvariantCulture) ?? "?"} FLOPs, {p.MemoryBytes?.ToString("N0", CultureInfo.InvariantCulture) ?? "?"} bytes of memory, exit probability {p.EarlyExitProbability?.ToString("0.###", CultureInfo.InvariantCulture)}{(p.ExitOutputs is { Count: > 0 } heads ? $", head {string.Join(", ", heads)}" : "")}");
        }
        output.WriteLine($"wrote {directory}");
        if (!verify) return ExitCodes.Success;
        var sample = samplePath is not null && File.Exists(samplePath) ? NpyArray.Read(samplePath) : SeededInput(analysis);
        if (sample is null)
        {
            error.WriteLine($"{analysis.ModelPath}: --verify needs a sample input: the input {analysis.Inputs[0]} has a dynamic or non-float shape; pass --input FILE.npy");
            return ExitCodes.InvalidInput;
        }
        using var verifier = new PartitionVerifier(analysis, new Dictionary<string, NpyArray> { [analysis.Inputs[0]] = sample });
        var result = verifier.VerifyEarlyExits(split, directory);
        foreach (var (name, difference) in result.RelativeDifferenceByOutput)
        {
            output.WriteLine($"verification {name}: {difference:E2} × max |output| (tolerance {result.RelativeTolerance:E0})");
        }
        output.WriteLine($"verification: {(result.Passed ? "passed" : "FAILED")}");
        return result.Passed ? ExitCodes.Success : ExitCodes.Infeasible;
    }

    private const int VerificationSeed = 0;

    /// <summary>A seeded uniform input for a model whose first input is a float tensor of a fully known shape; null otherwise.</summary>
    private static NpyArray? SeededInput(ModelAnalysis analysis)
    {
        if (!analysis.Tensors.TryGetValue(analysis.Inputs[0], out var input) || !input.IsFullyKnown || input.ElementType != "FLOAT") return null;
        var shape = input.Dimensions!.Select(d => d!.Value).ToArray();
        var random = new Random(VerificationSeed);
        var data = new float[shape.Aggregate(1L, (a, d) => a * d)];
        for (var i = 0; i < data.Length; i++) data[i] = random.NextSingle();
        return new NpyArray(data, shape);
    }

    private static int Guard(TextWriter error, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is OnnxFormatException or IOException or InvalidDataException or ArgumentException)
        {
            error.WriteLine($"error: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
    }
}
