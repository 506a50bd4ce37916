using System.Text.Json;
using System.Text.Json.Serialization;
using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.FeatureSelection;
using AiSprint.Regression.Preparation;
using AiSprint.Regression.Techniques;
using AiSprint.Regression.Techniques.NeuralNetwork;
using AiSprint.Regression.Validation;

namespace AiSprint.Regression.Models;

/// <summary>A hyper-parameter as stored in a model file: its name and its value as Python writes it.</summary>
public sealed record StoredHyperparameter(string Name, string Value);

/// <summary>
/// A trained model, self-contained: the whole preparation pipeline, the normalisation fitted with it (null
/// when normalization is off), the technique with its hyper-parameters and the fitted predictor. The
/// equivalent of aMLLibrary's pickled <c>Regressor</c> (spec §9), as versioned JSON.
/// Format versions: 1 = a linear model in <see cref="Fitted"/> (LRRidge, NNLS, Stepwise); 2 = a tree model in
/// <see cref="Trees"/> (DecisionTree, RandomForest, XGBoost) or a support-vector model in <see cref="Svr"/> (SVR). Linear models are still written as version 1, byte
/// for byte the shape earlier builds wrote, so old readers keep reading them and refuse (by version) only what
/// they could not predict with. 3 = any of those fitted on a subset of the features chosen by SFS (spec §7.1):
/// <see cref="SelectedFeatures"/> names the columns, in the order the predictor reads them; only such models are
/// written as version 3, so older readers refuse them instead of predicting with every column. 4 = a multilayer
/// perceptron (NeuralNetwork) in <see cref="Mlp"/>, on every column or on <see cref="SelectedFeatures"/>; only MLP
/// models are written as version 4, so files of versions 1–3 keep their exact shape and older readers refuse MLPs by version.
/// 5 = the trees of an ML.NET technique (LightGBM, FastTree) in <see cref="Trees"/>, with or without
/// <see cref="SelectedFeatures"/>; written only for those techniques, so older readers refuse them by version.
/// </summary>
public sealed record RegressionModel(
    int FormatVersion,
    AmlTechnique Technique,
    IReadOnlyList<StoredHyperparameter> Hyperparameters,
    PreparationPipeline Pipeline,
    Standardizer? Scaler,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LinearModel? Fitted,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TreeEnsemble? Trees = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SvrModel? Svr = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? SelectedFeatures = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MlpModel? Mlp = null)
{
    /// <summary>The newest version this build writes; it reads every version from 1 to this one.</summary>
    public const int CurrentFormatVersion = 5;

    /// <summary>The version holding the trees of an ML.NET technique (LightGBM, FastTree), with or without <see cref="SelectedFeatures"/>.</summary>
    public const int MlNetTreesFormatVersion = 5;

    /// <summary>The version holding a multilayer perceptron (<see cref="Mlp"/>), with or without <see cref="SelectedFeatures"/>.</summary>
    public const int NeuralNetworkFormatVersion = 4;

    /// <summary>The version holding tree or SVR models on every feature column.</summary>
    public const int NonLinearFormatVersion = 2;

    /// <summary>The version whose model uses only <see cref="SelectedFeatures"/>.</summary>
    public const int FeatureSelectionFormatVersion = 3;

    /// <summary>The version holding only linear models (<see cref="Fitted"/>).</summary>
    public const int LinearFormatVersion = 1;

    /// <summary>The fitted predictor, whichever kind the file holds, reading only <see cref="SelectedFeatures"/> when set.</summary>
    [JsonIgnore]
    public IRegressor Predictor
    {
        get
        {
            var inner = (IRegressor?)Fitted ?? (IRegressor?)Trees ?? (IRegressor?)Svr ?? Mlp ?? throw new RegressionException("the model holds no fitted predictor");
            if (SelectedFeatures is null) return inner;
            var columns = SelectedFeatures.Select(name => IndexOf(Pipeline.Features, name)).ToArray();
            return new ColumnSubsetRegressor(columns, inner);
        }
    }

    private static int IndexOf(IReadOnlyList<string> features, string name)
    {
        for (var j = 0; j < features.Count; j++)
        {
            if (features[j] == name) return j;
        }
        throw new RegressionException($"selected feature '{name}' is not a column of the model's pipeline");
    }

    internal static RegressionModel From(AmlTechnique technique, GridPoint point, PreparationPipeline pipeline, FittedPipeline fitted)
    {
        var hyperparameters = point.Settings.Select(s => new StoredHyperparameter(s.Name, s.Value.ToPython())).ToList();
        var (model, selected) = fitted.Model is ColumnSubsetRegressor subset
            ? (subset.Inner, subset.Columns.Select(j => pipeline.Features[j]).ToList())
            : (fitted.Model, null);
        var version = model is MlpModel ? NeuralNetworkFormatVersion
            : technique is AmlTechnique.LightGBM or AmlTechnique.FastTree ? MlNetTreesFormatVersion
            : selected is not null ? FeatureSelectionFormatVersion : model is LinearModel ? LinearFormatVersion : NonLinearFormatVersion;
        return model switch
        {
            LinearModel linear => new(version, technique, hyperparameters, pipeline, fitted.Scaler, linear, null, null, selected),
            TreeEnsemble trees => new(version, technique, hyperparameters, pipeline, fitted.Scaler, null, trees, null, selected),
            SvrModel svr => new(version, technique, hyperparameters, pipeline, fitted.Scaler, null, null, svr, selected),
            MlpModel mlp => new(version, technique, hyperparameters, pipeline, fitted.Scaler, null, null, null, selected, mlp),
            var other => throw new InvalidOperationException($"no model file representation for {other.GetType().Name}"),
        };
    }

    /// <summary>Predictions for every row of the dataset: the pipeline is replayed (rename, one-hot, inverse, log, products, Ernest), x scaled, y inverse-scaled.</summary>
    public double[] Predict(AmlDataset rows)
    {
        var fitted = new FittedPipeline(Scaler, Predictor);
        return Pipeline.Transform(rows).Select(fitted.Predict).ToArray();
    }

    /// <summary>Reads a CSV with <see cref="AmlDatasetReader"/> and predicts every row.</summary>
    public double[] PredictCsv(string path) => Predict(AmlDatasetReader.Load(path).GetValueOrThrow());

    /// <summary>The model as the JSON of a <c>.model.json</c> file, at <see cref="FormatVersion"/>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, RegressionJsonContext.Default.RegressionModel);

    /// <summary>Writes the model atomically: an interrupted save never leaves half a model file.</summary>
    public void Save(string path) => AiSprint.Model.Formats.AtomicFile.WriteAllText(path, ToJson());

    /// <summary>Reads a model from the JSON of a <c>.model.json</c> file and checks it can predict (a known version, exactly one fitted predictor of that version's kind, features that match).</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="source">The file's name, used in error messages.</param>
    /// <exception cref="RegressionException">The text is not a model file this build reads.</exception>
    public static RegressionModel FromJson(string json, string source = "<json>")
    {
        RegressionModel? model;
        try
        {
            model = JsonSerializer.Deserialize(json, RegressionJsonContext.Default.RegressionModel);
        }
        catch (JsonException ex)
        {
            throw new RegressionException($"{source}: not a regression model file ({ex.Message})");
        }
        if (model is null) throw new RegressionException($"{source}: empty model file");
        if (model.FormatVersion is < LinearFormatVersion or > CurrentFormatVersion)
        {
            throw new RegressionException($"{source}: model format version {model.FormatVersion}, this build reads versions {LinearFormatVersion} to {CurrentFormatVersion}");
        }
        var predictors = new object?[] { model.Fitted, model.Trees, model.Svr, model.Mlp }.Count(m => m is not null);
        var valid = model.FormatVersion switch
        {
            LinearFormatVersion => model.Fitted is not null && predictors == 1,
            NeuralNetworkFormatVersion => model.Mlp is not null && predictors == 1,
            MlNetTreesFormatVersion => model.Trees is not null && predictors == 1,
            _ => model.Mlp is null && predictors == 1,
        };
        if (!valid) throw new RegressionException($"{source}: a version {model.FormatVersion} model file needs exactly one fitted model ({model.FormatVersion switch { LinearFormatVersion => "\"fitted\"", NeuralNetworkFormatVersion => "\"mlp\"", MlNetTreesFormatVersion => "\"trees\"", _ => "\"fitted\", \"trees\" or \"svr\"" }})");
        // Version 3 is defined by its feature subset; versions 4 (MLP) and 5 (ML.NET trees) may have one or not; 1 and 2 never do.
        if (model.FormatVersion is not (NeuralNetworkFormatVersion or MlNetTreesFormatVersion) && (model.FormatVersion == FeatureSelectionFormatVersion) != (model.SelectedFeatures is not null))
            throw new RegressionException($"{source}: \"selectedFeatures\" belongs to version {FeatureSelectionFormatVersion}, {NeuralNetworkFormatVersion} and {MlNetTreesFormatVersion} model files only, and is required in version {FeatureSelectionFormatVersion}");
        var features = model.Pipeline.Features;
        if (model.SelectedFeatures is { } selected
            && (selected.Count == 0 || selected.Distinct().Count() != selected.Count || selected.Any(name => !features.Contains(name))))
            throw new RegressionException($"{source}: \"selectedFeatures\" must name distinct columns of the pipeline's features");
        var width = model.SelectedFeatures?.Count ?? features.Count;
        if (model.Fitted is { } linear && linear.Coefficients.Count != width) throw new RegressionException($"{source}: the linear model has {linear.Coefficients.Count} coefficients for {width} features");
        if (model.Trees is { } trees && (trees.Trees.Count == 0 || trees.Trees.Any(t => !t.IsWellFormed(width))))
            throw new RegressionException($"{source}: malformed tree model");
        if (model.Svr is { } svr && !svr.IsWellFormed(width)) throw new RegressionException($"{source}: malformed SVR model");
        if (model.Mlp is { } mlp && !mlp.IsWellFormed(width)) throw new RegressionException($"{source}: malformed neural network (layer sizes must chain from {width} inputs to 1 output, weights finite)");
        return model;
    }

    /// <summary>Reads and checks the <c>.model.json</c> file at <paramref name="path"/> (see <see cref="FromJson"/>).</summary>
    public static RegressionModel Load(string path) => FromJson(File.ReadAllText(path), path);
}
