using AiSprint.Benchmarks;

return args.FirstOrDefault() switch
{
    "placement" => PlacementBenchmark.Run(args.Skip(1).ToArray()),
    "placement-micro" => PlacementMicroBenchmark.Run(args.Skip(1).ToArray()),
    "placement-large" => PlacementMicroBenchmark.Large(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/AiSprint.Benchmarks -- placement [--threads N] [--seed N]");
    return 2;
}
