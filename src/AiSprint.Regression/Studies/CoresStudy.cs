using System.Globalization;
using System.Text;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Techniques;

namespace AiSprint.Regression.Studies;

/// <summary>Which held-out numbers of cores a study predicts.</summary>
internal enum CoresSplit
{
    /// <summary>Train on 48–288 cores, predict 384 and 768 (aMLLibrary's Extrapolation, <c>{"cores": 288}</c>).</summary>
    Extrapolation,

    /// <summary>Train on 48, 144, 288 and 768 cores, predict 96, 192 and 384 (aMLLibrary's Interpolation).</summary>
    Interpolation,
}

/// <summary>The feature columns a study trains on, built by aMLLibrary's own data preparation.</summary>
internal enum CoresFeatures
{
    /// <summary>cores and datasize as measured.</summary>
    Raw,

    /// <summary>Plus <c>inverse = ['cores']</c> and <c>selected_products = ['datasize inverse_cores']</c>: the model's own form.</summary>
    InverseCores,

    /// <summary>Plus <c>inverse = ['cores']</c> and every degree-2 product (<c>product_max_degree = 2</c>), squares of cores included.</summary>
    DegreeTwoProducts,
}

/// <summary>One technique's result in one study: the validation MAPE (held-out cores) of its hp-selected configuration.</summary>
internal sealed record CoresStudyResult(CoresSplit Split, CoresFeatures Features, AmlTechnique Technique, string Chosen, double HpSelectionMape, double ValidationMape);

/// <summary>
/// The design document's interpolation/extrapolation experiment on the number of cores, on data generated from a
/// documented model instead of measurements. Execution time of a job of <c>datasize</c> GB on <c>cores</c> cores
/// follows Amdahl's law around a 48-core reference, plus a fixed start-up, with multiplicative Gaussian noise:
/// <code>time = 5 s + datasize · 3 s/GB · (0.05 + 0.95 · 48 / cores) · (1 + 0.03 · N(0, 1))</code>
/// for cores ∈ {48, 96, 144, 192, 288, 384, 768}, datasize ∈ {10, 20, 40, 80} and 3 repetitions each (84 rows,
/// seeded). Each study is an ordinary aMLLibrary campaign (KFold hp selection, normalization), run on each
/// <see cref="CoresFeatures"/> set: the inverse-cores features contain the model's exact form datasize·(1/cores), so
/// linear techniques can extrapolate with them, while trees (constant beyond the training range) cannot.
/// </summary>
internal static class CoresStudy
{
    public static readonly int[] Cores = [48, 96, 144, 192, 288, 384, 768];
    public static readonly int[] DataSizes = [10, 20, 40, 80];
    public const int Repetitions = 3;

    /// <summary>The model's noiseless time (seconds).</summary>
    public static double Time(double cores, double dataSize) => 5 + dataSize * 3 * (0.05 + 0.95 * 48 / cores);

    /// <summary>The generated dataset as CSV (columns cores, datasize, time), deterministic for a seed.</summary>
    public static string Csv(int seed)
    {
        var random = SeededRandom.For(seed, 0xC0DE);
        var csv = new StringBuilder("cores,datasize,time\n");
        foreach (var cores in Cores)
        {
            foreach (var size in DataSizes)
            {
                for (var r = 0; r < Repetitions; r++)
                {
                    var time = Time(cores, size) * (1 + 0.03 * random.NextGaussian());
                    csv.Append(CultureInfo.InvariantCulture, $"{cores},{size},{time:R}\n");
                }
            }
        }
        return csv.ToString();
    }

    /// <param name="quick">Small grids (one configuration per technique), for tests; the benchmark uses the full ones.</param>
    public static IReadOnlyList<CoresStudyResult> Run(int seed = 0, bool quick = false, IReadOnlyList<AmlTechnique>? techniques = null,
        IReadOnlyList<CoresFeatures>? featureSets = null, RegressionOptions? options = null)
    {
        techniques ??= Enum.GetValues<AmlTechnique>();
        featureSets ??= Enum.GetValues<CoresFeatures>();
        var directory = Directory.CreateTempSubdirectory("aisprint-cores-study-").FullName;
        try
        {
            var data = Path.Combine(directory, "cores.csv");
            File.WriteAllText(data, Csv(seed));
            var results = new List<CoresStudyResult>();
            foreach (var split in Enum.GetValues<CoresSplit>())
            {
                foreach (var features in featureSets)
                {
                    var preparation = features switch
                    {
                        CoresFeatures.Raw => "",
                        CoresFeatures.InverseCores => "inverse = ['cores']\nselected_products = ['datasize inverse_cores']",
                        _ => "inverse = ['cores']\nproduct_max_degree = 2",
                    };
                    var ini = Configuration(split, data, preparation, techniques, seed, quick);
                    var diagnostics = new DiagnosticBag();
                    var parsed = AmlConfigurationReader.Parse(ini, $"cores-{split}.ini", diagnostics)
                        ?? throw new InvalidOperationException("the study's configuration does not bind: " + string.Join("; ", diagnostics.Items));
                    var result = RegressionCampaign.Run(new AmlConfigurationFile($"cores-{split}.ini", parsed.Document, parsed.Configuration, data), options);
                    results.AddRange(result.Runs[0].Techniques.Select(t => new CoresStudyResult(split, features, t.Technique, t.Chosen.ToString(), t.HpSelection.Mape, t.Validation.Mape)));
                }
            }
            return results;
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    private static string Configuration(CoresSplit split, string data, string preparation, IReadOnlyList<AmlTechnique> techniques, int seed, bool quick)
    {
        var validation = split == CoresSplit.Extrapolation
            ? "validation = Extrapolation\nextrapolation_columns = {'cores': 288}"
            : "validation = Interpolation\ninterpolation_columns = {'cores': [96, 192, 384]}";
        var grids = new Dictionary<AmlTechnique, string>
        {
            [AmlTechnique.LRRidge] = quick ? "alpha = [0.001]" : "alpha = [0.0001, 0.001, 0.01, 0.1, 1.0]",
            [AmlTechnique.NNLS] = "fit_intercept = [True]",
            [AmlTechnique.Stepwise] = "p_to_add = [0.05]\np_to_remove = [0.1]\nfit_intercept = [True]\nmax_iter = [100]",
            [AmlTechnique.DecisionTree] = quick ? "max_depth = [5]" : "criterion = ['squared_error']\nmax_depth = [3, 5, None]\nmin_samples_leaf = [1, 2]",
            [AmlTechnique.RandomForest] = quick ? "n_estimators = [20]" : "n_estimators = [50, 200]\nmax_depth = [None, 5]\nmax_features = [1.0, 'sqrt']",
            [AmlTechnique.SVR] = quick ? "C = [10]\nkernel = ['rbf']" : "C = [1, 10, 100]\nepsilon = [0.01, 0.1]\nkernel = ['linear', 'rbf']\ngamma = ['scale']",
            [AmlTechnique.XGBoost] = quick ? "n_estimators = [100]\nlearning_rate = [0.1]\nmax_depth = [3]" : "n_estimators = [100, 300]\nlearning_rate = [0.05, 0.1]\nmax_depth = [3, 6]",
            [AmlTechnique.LightGBM] = quick ? "n_estimators = [100]\nmin_child_samples = [5]" : "n_estimators = [100, 300]\nlearning_rate = [0.05, 0.1]\nnum_leaves = [8, 31]\nmin_child_samples = [5]",
            [AmlTechnique.FastTree] = quick ? "n_estimators = [100]\nmin_child_samples = [5]" : "n_estimators = [100, 300]\nlearning_rate = [0.05, 0.2]\nnum_leaves = [8, 20]\nmin_child_samples = [5]",
            [AmlTechnique.NeuralNetwork] = $"n_features = [[32, 16]]\ndropouts = [0.0]\nactivation = ['relu']\noptimizer = ['adam']\nlearning_rate = {(quick ? "[0.01]" : "[0.003, 0.01]")}\nloss = ['mse']\nbatch_size = [8]\nepochs = [{(quick ? 50 : 300)}]",
        };
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            [General]
            techniques = [{string.Join(", ", techniques.Select(t => $"'{t}'"))}]
            hp_selection = KFold
            folds = 5
            {validation}
            y = 'time'
            seed = {seed}

            [DataPreparation]
            input_path = '{data.Replace("\\", "/", StringComparison.Ordinal)}'
            normalization = True
            {preparation}

            """);
        foreach (var technique in techniques) text.Append(CultureInfo.InvariantCulture, $"\n[{technique}]\n{grids[technique]}\n");
        return text.ToString();
    }
}
