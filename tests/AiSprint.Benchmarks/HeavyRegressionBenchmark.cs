using System.Diagnostics;
using System.Globalization;
using System.Text;
using AiSprint.Model.Formats.Aml;
using AiSprint.Regression;
using AiSprint.Regression.Preparation;
using AiSprint.Regression.Techniques;

namespace AiSprint.Benchmarks;

/// <summary>
/// A synthetic campaign of the shape of the heavy stereo-matching campaign (tracker issue 14): 3,000 rows of a
/// documented time model (<see cref="Time"/>) in confidence, arm length, step and thread count with 5 % Gaussian
/// noise; inverse of threads and every degree-2 product → 20 features; XGBoost and LRRidge tuned by Hyperopt
/// (20 evaluations, KFold-5 hp selection, HoldOut 0.2 validation). Reports wall and CPU time, peak working set and the
/// validation MAPE per technique, then one XGBoost fit (100 trees, max_depth 100) on 1,900 of the prepared rows timed
/// here and, when python3 has xgboost (the script regression-heavy.sh installs python3-xgboost), in xgboost on one thread.
/// </summary>
internal static class HeavyRegressionBenchmark
{
    public const int Rows = 3000;

    /// <summary>
    /// Seconds for one stereo-matching run: a fixed 0.5 s plus per-pixel work growing with the arm length squared,
    /// halved per doubling of the step, 40 % more at full confidence, spread over threads with a 10 % serial part.
    /// </summary>
    public static double Time(double confidence, double armLength, double step, double threads) =>
        0.5 + 0.02 * armLength * armLength / step * (0.6 + 0.4 * confidence) * (0.1 + 0.9 / threads);

    public static string Csv(int seed)
    {
        var random = new Random(seed);
        var csv = new StringBuilder("confidence,arm_length,step,threads,time\n");
        int[] steps = [1, 2, 4];
        int[] threads = [1, 2, 4, 8, 16];
        for (var i = 0; i < Rows; i++)
        {
            var confidence = Math.Round(0.5 + 0.49 * random.NextDouble(), 4);
            var arm = 2 + random.Next(39);
            var step = steps[random.Next(steps.Length)];
            var thread = threads[random.Next(threads.Length)];
            var noise = 1 + 0.05 * Gaussian(random);
            csv.Append(CultureInfo.InvariantCulture, $"{confidence},{arm},{step},{thread},{Time(confidence, arm, step, thread) * noise:R}\n");
        }
        return csv.ToString();
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public static string Configuration(string data, string xgboostExtra, bool mlNet) => $"""
        [General]
        run_num = 1
        techniques = ['XGBoost', 'LRRidge'{(mlNet ? ", 'LightGBM', 'FastTree'" : "")}]
        hp_selection = KFold
        folds = 5
        validation = HoldOut
        hold_out_ratio = 0.2
        y = 'time'
        hyperparameter_tuning = Hyperopt
        hyperopt_max_evals = 20
        seed = 0

        [DataPreparation]
        input_path = '{data}'
        inverse = ['threads']
        product_max_degree = 2

        [LRRidge]
        alpha = ['loguniform(0.0001,1)']

        [XGBoost]
        min_child_weight = [1]
        gamma = ['loguniform(0.001,10)']
        n_estimators = [100]
        learning_rate = ['loguniform(0.001,1)']
        max_depth = [100]
        alpha = [0]
        lambda = [1]
        {xgboostExtra}

        [LightGBM]
        n_estimators = [100]
        learning_rate = ['loguniform(0.001,1)']
        num_leaves = [31]
        min_child_samples = ['quniform(1,20,1)']

        [FastTree]
        n_estimators = [100]
        learning_rate = ['loguniform(0.001,1)']
        num_leaves = [20]
        min_child_samples = ['quniform(1,20,1)']
        """;

    public static int Run(string[] args)
    {
        var method = args.Contains("--exact") ? "exact" : "hist";
        var skipCampaign = args.Contains("--fits-only");
        var mlNet = args.Contains("--mlnet");
        var directory = Directory.CreateTempSubdirectory("aisprint-heavy-").FullName;
        try
        {
            var data = Path.Combine(directory, "stereo.csv");
            File.WriteAllText(data, Csv(0));
            var iniPath = Path.Combine(directory, "stereo.ini");
            File.WriteAllText(iniPath, Configuration(data, $"tree_method = ['{method}']", mlNet));
            var file = AmlConfigurationReader.Load(iniPath).Value ?? throw new InvalidOperationException("the synthetic configuration does not load");
            Console.WriteLine($"{Environment.ProcessorCount} cores; tree_method {method}{(mlNet ? "; with LightGBM and FastTree" : "")}; load average at start: {LoadAverage()}");
            if (!skipCampaign) RunCampaign(file);
            CompareFits(file, directory, method);
            Console.WriteLine($"load average at end: {LoadAverage()}");
            return 0;
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    private static void RunCampaign(AmlConfigurationFile file)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = RegressionCampaign.Run(file);
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine(FormattableString.Invariant($"campaign: wall {wall:0.00} s, CPU {cpuSeconds:0.00} s (CPU/wall {cpuSeconds / wall:0.00}), peak working set {process.PeakWorkingSet64 / 1048576.0:0} MB"));
        foreach (var t in result.Runs[0].Techniques)
        {
            Console.WriteLine(FormattableString.Invariant($"  {t.Technique}: validation MAPE {t.Validation.Mape:0.000000}, hp-selection MAPE {t.HpSelection.Mape:0.000000}, chosen {t.Chosen}"));
        }
        if (result.FailedExperiments.Count > 0) Console.WriteLine($"  {result.FailedExperiments.Count} failed experiments: {result.FailedExperiments[0]}");
    }

    /// <summary>One fit of 100 trees, max_depth 100, learning_rate 0.1, gamma 0.01 on the first 1,900 prepared rows: best of 5 here, then in python3-xgboost on one thread.</summary>
    private static void CompareFits(AmlConfigurationFile file, string directory, string method)
    {
        var dataset = AmlDatasetReader.Load(file.InputPath!).GetValueOrThrow();
        var prepared = PreparationBuilder.Prepare(file.Configuration, dataset);
        var x = prepared.X.Take(1900).ToArray();
        var y = prepared.Y.Take(1900).ToArray();
        var trainer = new XGBoostTrainer(1, 0.01, 100, 0.1, 100, 0, 1, Method: method == "exact" ? TreeMethod.Exact : TreeMethod.Hist);
        var best = double.MaxValue;
        var bestCpu = double.MaxValue;
        TreeEnsemble? model = null;
        var process = Process.GetCurrentProcess();
        for (var r = 0; r < 5; r++)
        {
            // A fresh copy of the rows each time, so the quantisation cached per matrix is paid inside the timing.
            var copy = x.Select(row => row.ToArray()).ToArray();
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            model = trainer.Fit(copy, y);
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalSeconds);
        }
        var mape = x.Zip(y).Average(p => Math.Abs((model!.Predict(p.First) - p.Second) / p.Second));
        Console.WriteLine(FormattableString.Invariant($"one XGBoost fit ({x.Length} rows × {x[0].Length} features, {method}): best of 5 {best * 1000:0} ms wall, {bestCpu * 1000:0} ms CPU, {model!.Trees.Sum(t => t.NodeCount)} nodes, training MAPE {mape:0.000000}"));
        var csv = Path.Combine(directory, "fit.csv");
        File.WriteAllLines(csv, x.Zip(y).Select(p => string.Join(',', p.First.Append(p.Second).Select(v => v.ToString("R", CultureInfo.InvariantCulture)))));
        var script = Path.Combine(AppContext.BaseDirectory, "xgboost_fit.py");
        try
        {
            // Debian's interpreter, where python3-xgboost installs, ahead of any other python3 on the PATH.
            var interpreter = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
            using var python = Process.Start(new ProcessStartInfo(interpreter, $"\"{script}\" \"{csv}\"") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = python.StandardOutput.ReadToEnd();
            var error = python.StandardError.ReadToEnd();
            python.WaitForExit();
            Console.Write(python.ExitCode == 0 ? output : $"python3-xgboost not run: {error.Trim().Split('\n').Last()}\n");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Console.WriteLine($"python3 not found: {ex.Message}");
        }
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
