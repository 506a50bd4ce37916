using AiSprint.Benchmarks;

// Best of N runs (default 3): the first run pays for JIT and ONNX Runtime start-up, which are not the work measured.
var repetitions = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 3;
Console.WriteLine($"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
// An optional second argument runs one reference model only (and skips the synthetic one).
OnnxPartitioningBenchmark.Run(repetitions, args.Length > 1 ? args[1] : null);
if (args.Length <= 1) LargeModelBenchmark.Run(repetitions);
