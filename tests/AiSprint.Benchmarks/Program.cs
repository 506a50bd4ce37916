using AiSprint.Benchmarks;

var rest = args.Skip(1).ToArray();
switch (args.FirstOrDefault())
{
    case "placement":
        return PlacementBenchmark.Run(rest);
    case "placement-micro":
        return PlacementMicroBenchmark.Run(rest);
    case "placement-large":
        return PlacementMicroBenchmark.Large(rest);
    case "regression":
        return RegressionBenchmark.Run(rest);
    case "regression-heavy":
        return HeavyRegressionBenchmark.Run(rest);
    case "regression-cores":
        return RegressionCoresBenchmark.Run(rest);
    case "onnx":
    {
        // Best of N runs (default 3): the first run pays for JIT and ONNX Runtime start-up, which are not the work measured.
        var repetitions = rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 3;
        Console.WriteLine($"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        // An optional model name runs that reference model only (and skips the synthetic one).
        OnnxPartitioningBenchmark.Run(repetitions, rest.Length > 1 ? rest[1] : null);
        if (rest.Length <= 1) LargeModelBenchmark.Run(repetitions);
        return 0;
    }
    case "build-overhead":
        return BuildOverheadBenchmark.Run(rest);
    case "layers":
        return LayerModelBenchmark.Run(rest);
    case "generator":
        return GeneratorBenchmark.Run(rest);
    case "drift":
        return DriftTestBenchmark.Run(rest);
    case "wrapper":
        return WrapperBenchmarks.Run(rest);
    case "supervise":
        return await SupervisionBenchmark.Run(rest);
    default:
        Console.Error.WriteLine("usage: dotnet run -c Release --project tests/AiSprint.Benchmarks -- placement [--threads N] [--seed N] [--ls|--rg-only] | placement-micro [instance] | placement-large | regression | regression-heavy [--exact] [--fits-only] [--mlnet] | regression-cores [seed] | onnx [repetitions] [model] | layers [--quick] [--threads N] | generator [rounds] | wrapper [BenchmarkDotNet arguments] | build-overhead [repetitions] | drift [repetitions] | supervise [cycles (0: none)] [footprint seconds (0: none)] [its own metrics scrape seconds] [--native]");
        return 2;
}
