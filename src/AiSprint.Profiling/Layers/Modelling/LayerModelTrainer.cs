using System.Globalization;
using System.Text;
using System.Text.Json;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.Aml;
using AiSprint.Profiling.Layers.Features;
using AiSprint.Profiling.Layers.Measurement;
using AiSprint.Regression;
using AiSprint.Regression.Models;

namespace AiSprint.Profiling.Layers.Modelling;

/// <summary>Which aMLLibrary techniques to try besides the linear model, and the cross-validation.</summary>
public sealed record LayerTrainingOptions
{
    /// <summary>LRRidge, Stepwise, DecisionTree, RandomForest and XGBoost.</summary>
    public static readonly IReadOnlyList<AmlTechnique> DefaultTechniques = [AmlTechnique.LRRidge, AmlTechnique.Stepwise, AmlTechnique.DecisionTree, AmlTechnique.RandomForest, AmlTechnique.XGBoost];

    /// <summary>The techniques tried per category besides the linear model.</summary>
    public IReadOnlyList<AmlTechnique> Techniques { get; init; } = DefaultTechniques;

    /// <summary>Folds of the cross-validation that scores every model of a category (fewer when there are fewer rows).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>A category needs this many rows before the aMLLibrary techniques are tried; below it only the linear model is fitted.</summary>
    public int MinimumRowsForTechniques { get; init; } = 6;

    /// <summary>The seed of the techniques' randomness: the same seed gives the same model file.</summary>
    public int Seed { get; init; }

    /// <summary>Forces one model for every category ("linear" or a technique name) instead of the cross-validated choice.</summary>
    public string? ForceSelection { get; init; }

    /// <summary>
    /// Also try the design document's learning pipeline (§4.5.1): the features augmented with their inverses and
    /// crossover terms up to degree 2, then sequential forward selection of at most <see cref="MaxSelectedFeatures"/>,
    /// for Ridge (<c>LRRidge+SFS</c>); and XGBoost on the augmented features without selection (<c>XGBoost+augmented</c>:
    /// the document found selection made XGBoost worse). Scored by the same cross-validation as every other model.
    /// </summary>
    public bool DocumentPipeline { get; init; }

    /// <summary>The most features sequential forward selection keeps in <see cref="DocumentPipeline"/>'s Ridge model.</summary>
    public int MaxSelectedFeatures { get; init; } = 8;

    /// <summary>
    /// Also fit the linear model with a memory term (<see cref="BytesAwareLinearModel"/>) and let it compete in the same
    /// cross-validation. Off reproduces the choice among the document's linear model and the techniques alone.
    /// </summary>
    public bool MemoryTerm { get; init; } = true;
}

/// <summary>One training row: a measured node that executes on its own or heads a fused group.</summary>
public sealed record LayerSample(LayerFeatures Features, double Milliseconds, string Network);

/// <summary>
/// Fits the per-layer model (design document §4.5.1) from measurements: per category the linear model in the operation
/// count, the same with a memory term fitted on relative error (<see cref="BytesAwareLinearModel"/>), and through the
/// regression engine the aMLLibrary techniques on the layer features (operations, filter size, C_in, C_out, input and
/// output bytes; normalised), each scored by the same unshuffled k-fold cross-validation; the lowest cross-validated
/// MAPE is selected. Only inference (forward) is measured, so only forward models are fitted.
/// </summary>
public static class LayerModelTrainer
{
    /// <summary>Fits the per-layer model of one resource from <paramref name="measurements"/> (one per network and thread count); <paramref name="resource"/> names the resource in the file (null when unnamed).</summary>
    public static LayerModelFile Train(IReadOnlyList<NetworkMeasurement> measurements, LayerTrainingOptions? options = null, string? resource = null)
    {
        options ??= new LayerTrainingOptions();
        if (measurements.Count == 0) throw new ArgumentException("no measurement to train on", nameof(measurements));
        var level = measurements[0].Settings.OptimizationLevelName;
        if (measurements.Any(m => m.Settings.OptimizationLevelName != level))
            throw new ArgumentException("measurements at different optimisation levels cannot train one model; a prediction is valid for one level", nameof(measurements));
        var threadModels = new List<ThreadModel>();
        foreach (var group in measurements.GroupBy(m => m.Settings.Threads).OrderBy(g => g.Key))
        {
            var samples = group.SelectMany(Samples).ToList();
            var categories = samples.GroupBy(s => s.Features.Category).OrderBy(g => g.Key)
                .Select(g => FitCategory(g.Key, g.ToList(), options)).ToList();
            var fusions = group.SelectMany(m => m.ObservedFusions).Distinct().OrderBy(f => f.Into, StringComparer.Ordinal).ThenBy(f => f.Absorbed, StringComparer.Ordinal)
                .Select(f => new ObservedFusion(f.Into, f.Absorbed)).ToList();
            threadModels.Add(new ThreadModel(group.Key, categories, fusions, FitLinear(samples)));
        }
        return new LayerModelFile(LayerModelFile.CurrentFormatVersion, LayerFeatures.ReferenceConvention, level, resource,
            measurements.Select(m => m.ModelName).Distinct().ToList(), LayerFeatures.Names, threadModels);
    }

    /// <summary>The nodes that carry a measured time: each executed runtime node's primary source node.</summary>
    public static IEnumerable<LayerSample> Samples(NetworkMeasurement measurement) =>
        measurement.Nodes.Where(n => n.RuntimeNode is not null && n.FusedInto is null && n.Milliseconds > 0)
            .Select(n => new LayerSample(measurement.Features.First(f => f.NodeIndex == n.NodeIndex), n.Milliseconds, measurement.ModelName));

    internal static CategoryModel FitCategory(LayerCategory category, IReadOnlyList<LayerSample> rows, LayerTrainingOptions options)
    {
        var linear = FitLinear(rows);
        // The campaign nests k-fold hyper-parameter selection inside k-fold validation: the inner split needs k rows.
        var folds = Math.Max(2, Math.Min(options.Folds, rows.Count / 2));
        var scores = new List<TechniqueScore> { new("linear", CrossValidate(rows, folds, train => { var m = FitLinear(train); return s => m.Predict(s.Features.Operations); })) };
        var bytesAware = options.MemoryTerm ? BytesAwareLinearModel.Fit(rows) : null;
        if (bytesAware is not null)
        {
            scores.Add(new TechniqueScore(BytesAwareLinearModel.Name, CrossValidate(rows, folds, train =>
            {
                var m = BytesAwareLinearModel.Fit(train);
                return s => m?.Predict(s.Features) ?? 0;
            })));
        }
        JsonElement? techniqueModel = null;
        var selected = "linear";
        // Without a campaign, the choice is between the two linear models, by the same cross-validation.
        var linearChoice = options.ForceSelection ?? scores.Where(s => s.CrossValidationMape is not null).OrderBy(s => s.CrossValidationMape).FirstOrDefault()?.Technique;
        if (linearChoice == BytesAwareLinearModel.Name && bytesAware is not null) selected = BytesAwareLinearModel.Name;
        if (rows.Count >= options.MinimumRowsForTechniques && options.Techniques.Count > 0)
        {
            var campaigns = new List<CampaignOutcome> { RunCampaign(rows, options, folds, Pipeline.Plain) };
            if (options.DocumentPipeline)
            {
                campaigns.Add(RunCampaign(rows, options with { Techniques = [AmlTechnique.LRRidge] }, folds, Pipeline.Selected));
                campaigns.Add(RunCampaign(rows, options with { Techniques = [AmlTechnique.XGBoost] }, folds, Pipeline.Augmented));
            }
            foreach (var campaign in campaigns)
                foreach (var (technique, mape) in campaign.Scores) scores.Add(new TechniqueScore(technique, mape) { Failure = mape is null ? campaign.Failure : null });
            var best = scores.Where(s => s.CrossValidationMape is not null).OrderBy(s => s.CrossValidationMape).FirstOrDefault();
            var choice = options.ForceSelection ?? best?.Technique ?? "linear";
            if (choice == "linear" || choice == BytesAwareLinearModel.Name)
            {
                selected = choice == BytesAwareLinearModel.Name && bytesAware is not null ? choice : "linear";
            }
            else if (campaigns.Select(c => c.Models.GetValueOrDefault(choice)).FirstOrDefault(m => m is not null) is { } model)
            {
                selected = choice;
                using var document = JsonDocument.Parse(model.ToJson());
                techniqueModel = document.RootElement.Clone();
            }
        }
        return new CategoryModel(category, rows.Count, linear, scores, selected, techniqueModel) { BytesAware = bytesAware };
    }

    /// <summary>Least squares of ms on operations; one distinct operation count gives a line through the origin and the mean.</summary>
    internal static LinearLayerModel FitLinear(IReadOnlyList<LayerSample> rows)
    {
        if (rows.Count == 0) return new LinearLayerModel(0, 0);
        var meanX = rows.Average(r => r.Features.Operations);
        var meanY = rows.Average(r => r.Milliseconds);
        var sxx = rows.Sum(r => (r.Features.Operations - meanX) * (r.Features.Operations - meanX));
        if (sxx <= 1e-12 * Math.Max(1, meanX * meanX)) return meanX > 0 ? new LinearLayerModel(0, meanY / meanX) : new LinearLayerModel(meanY, 0);
        var slope = rows.Sum(r => (r.Features.Operations - meanX) * (r.Milliseconds - meanY)) / sxx;
        return new LinearLayerModel(meanY - slope * meanX, slope);
    }

    /// <summary>Unshuffled k-fold MAPE (rows in measurement order); null below three rows.</summary>
    internal static double? CrossValidate(IReadOnlyList<LayerSample> rows, int folds, Func<IReadOnlyList<LayerSample>, Func<LayerSample, double>> fit)
    {
        if (rows.Count < 3) return null;
        var k = Math.Min(folds, rows.Count);
        double sum = 0;
        for (var f = 0; f < k; f++)
        {
            var test = rows.Where((_, i) => i * k / rows.Count == f).ToList();
            var train = rows.Where((_, i) => i * k / rows.Count != f).ToList();
            var predict = fit(train);
            sum += test.Average(s => Math.Abs(predict(s) - s.Milliseconds) / Math.Max(s.Milliseconds, 1e-9));
        }
        return sum / k;
    }

    /// <summary>Which features a campaign learns on: the six layer features, augmented, or augmented and then selected.</summary>
    private enum Pipeline { Plain, Augmented, Selected }

    private static string Name(AmlTechnique technique, Pipeline pipeline) => pipeline switch
    {
        Pipeline.Augmented => technique + "+augmented",
        Pipeline.Selected => technique + "+SFS",
        _ => technique.ToString(),
    };

    private sealed record CampaignOutcome(IReadOnlyList<(string Technique, double? Mape)> Scores, IReadOnlyDictionary<string, RegressionModel> Models)
    {
        public string? Failure { get; init; }
    }

    /// <summary>
    /// An aMLLibrary campaign on the category's rows (a CSV in a temporary directory): validation by the same k folds,
    /// hyper-parameters chosen on each fold's training rows, normalised features. A technique whose experiments all
    /// fail is left out rather than failing the category.
    /// </summary>
    private static CampaignOutcome RunCampaign(IReadOnlyList<LayerSample> rows, LayerTrainingOptions options, int folds, Pipeline pipeline)
    {
        var directory = Directory.CreateTempSubdirectory("aisprint-layer-campaign-").FullName;
        try
        {
            var data = Path.Combine(directory, "layers.csv");
            var csv = new StringBuilder(string.Join(",", LayerFeatures.Names) + ",time_ms\n");
            foreach (var row in rows) csv.AppendLine(string.Join(",", row.Features.Vector().Append(row.Milliseconds).Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
            File.WriteAllText(data, csv.ToString());
            var ini = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"""
                [General]
                techniques = [{string.Join(", ", options.Techniques.Select(t => $"'{t}'"))}]
                hp_selection = KFold
                validation = KFold
                folds = {folds}
                y = 'time_ms'
                seed = {options.Seed}

                [DataPreparation]
                input_path = '{data.Replace("\\", "/", StringComparison.Ordinal)}'
                normalization = True

                """));
            if (pipeline != Pipeline.Plain) ini.Append("inverse = [*]\nproduct_max_degree = 2\n");
            if (pipeline == Pipeline.Selected)
                ini.Append(CultureInfo.InvariantCulture, $"\n[FeatureSelection]\nmethod = 'SFS'\nmax_features = {options.MaxSelectedFeatures}\nfolds = {folds}\n");
            foreach (var technique in options.Techniques) ini.Append(CultureInfo.InvariantCulture, $"\n[{technique}]\n{Grid(technique)}\n");
            var diagnostics = new DiagnosticBag();
            var parsed = AmlConfigurationReader.Parse(ini.ToString(), Path.Combine(directory, "layers.ini"), diagnostics)
                ?? throw new InvalidOperationException("the layer campaign's configuration does not bind: " + string.Join("; ", diagnostics.Items));
            CampaignResult result;
            try
            {
                result = RegressionCampaign.Run(new AmlConfigurationFile(Path.Combine(directory, "layers.ini"), parsed.Document, parsed.Configuration, data), new RegressionOptions(1));
            }
            catch (RegressionException e)
            {
                return new CampaignOutcome(options.Techniques.Select(t => (Name(t, pipeline), (double?)null)).ToList(), new Dictionary<string, RegressionModel>()) { Failure = e.Message };
            }
            var scores = result.Runs[0].Techniques.Select(t => (Name(t.Technique, pipeline), (double?)t.Validation.Mape)).ToList();
            var models = result.Final.ToDictionary(f => Name(f.Technique, pipeline), f => f.Model, StringComparer.Ordinal);
            return new CampaignOutcome(scores, models);
        }
        finally
        {
            try { Directory.Delete(directory, true); } catch (IOException) { }
        }
    }

    /// <summary>The document's search spaces, as small grids (its Hyperopt ranges sampled at a few points).</summary>
    private static string Grid(AmlTechnique technique) => technique switch
    {
        AmlTechnique.LRRidge => "alpha = [0.01, 0.1, 1.0, 10.0]",
        AmlTechnique.Stepwise => "p_to_add = [0.05]\np_to_remove = [0.1]\nfit_intercept = [True]\nmax_iter = [100]",
        AmlTechnique.NNLS => "fit_intercept = [True]",
        AmlTechnique.DecisionTree => "max_depth = [3, None]\nmin_samples_leaf = [1]",
        AmlTechnique.RandomForest => "n_estimators = [50]\nmax_depth = [None]\nmax_features = [1.0]",
        AmlTechnique.SVR => "C = [1, 10]\nepsilon = [0.01]\nkernel = ['linear', 'rbf']\ngamma = ['scale']",
        AmlTechnique.XGBoost => "min_child_weight = [1]\ngamma = [0.1]\nn_estimators = [200]\nlearning_rate = [0.05, 0.3]\nmax_depth = [3]",
        _ => "",
    };
}
