using System.Diagnostics;
using System.Globalization;
using AiSprint.Telemetry.Drift.Statistics;

namespace AiSprint.Benchmarks;

/// <summary>
/// What one drift test costs per detection interval: the p-value of a reference window against a current window,
/// for each test at window sizes from the tests' to the production defaults and past the exact/asymptotic switches.
/// Median of the repetitions, in milliseconds; samples from a fixed seed.
/// </summary>
public static class DriftTestBenchmark
{
    public static int Run(string[] args)
    {
        var repetitions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
        var random = new Random(16);
        double[] Sample(int n, double shift) => Enumerable.Range(0, n).Select(_ => random.NextDouble() + shift).ToArray();
        double[] Categories(int n) => Enumerable.Range(0, n).Select(_ => (double)random.Next(5)).ToArray();
        double[] Binary(int n) => Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.3 ? 1.0 : 0.0).ToArray();

        var cases = new List<(string Name, double[] Reference, double[] Current, Func<double[], double[], TestOutcome> Test)>();
        foreach (var n in new[] { 100, 500, 1000, 5000, 10_000, 20_000 })
        {
            cases.Add(($"kolmogorov-smirnov n={n}", Sample(n, 0), Sample(n - n / 10, 0.01), (a, b) => KolmogorovSmirnov.TwoSample(a, b)));
        }

        foreach (var n in new[] { 20, 100, 500, 5000 })
        {
            cases.Add(($"cramer-von-mises n={n}", Sample(n, 0), Sample(n - n / 10, 0.01), (a, b) => CramerVonMises.TwoSample(a, b)));
        }

        foreach (var n in new[] { 500, 10_000 })
        {
            cases.Add(($"chi-squared n={n} (5 categories)", Categories(n), Categories(n), (a, b) => ChiSquared.TwoSample(a, b)));
            cases.Add(($"fisher-exact n={n}", Binary(n), Binary(n), (a, b) => FisherExact.TwoSample(a, b)));
        }

        Console.WriteLine("test and window | method | median ms | p-value");
        foreach (var (name, reference, current, test) in cases)
        {
            var times = new double[repetitions];
            TestOutcome outcome = default;
            for (int r = 0; r < repetitions; r++)
            {
                var start = Stopwatch.GetTimestamp();
                outcome = test(reference, current);
                times[r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            Array.Sort(times);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} | {outcome.Method} | {times[repetitions / 2]:F3} | {outcome.PValue:G6}"));
        }

        return 0;
    }
}
