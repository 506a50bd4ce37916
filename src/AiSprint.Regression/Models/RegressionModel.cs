using System.Text.Json;
using System.Text.Json.Serialization;
using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Preparation;
using AiSprint.Regression.Techniques;
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
/// they could not predict with.
/// </summary>
public sealed record RegressionModel(
    int FormatVersion,
    AmlTechnique Technique,
    IReadOnlyList<StoredHyperparameter> Hyperparameters,
    PreparationPipeline Pipeline,
    Standardizer? Scaler,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LinearModel? Fitted,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TreeEnsemble? Trees = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SvrModel? Svr = null)
{
    /// <summary>The newest version this build writes; it reads every version from 1 to this one.</summary>
    public const int CurrentFormatVersion = 2;

    /// <summary>The version holding only linear models (<see cref="Fitted"/>).</summary>
    public const int LinearFormatVersion = 1;

    /// <summary>The fitted predictor, whichever kind the file holds.</summary>
    [JsonIgnore]
    public IRegressor Predictor => (IRegressor?)Fitted ?? (IRegressor?)Trees ?? Svr ?? throw new RegressionException("the model holds no fitted predictor");

    internal static RegressionModel From(AmlTechnique technique, GridPoint point, PreparationPipeline pipeline, FittedPipeline fitted)
    {
        var hyperparameters = point.Settings.Select(s => new StoredHyperparameter(s.Name, s.Value.ToPython())).ToList();
        return fitted.Model switch
        {
            LinearModel linear => new(LinearFormatVersion, technique, hyperparameters, pipeline, fitted.Scaler, linear),
            TreeEnsemble trees => new(CurrentFormatVersion, technique, hyperparameters, pipeline, fitted.Scaler, null, trees),
            SvrModel svr => new(CurrentFormatVersion, technique, hyperparameters, pipeline, fitted.Scaler, null, null, svr),
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

    public string ToJson() => JsonSerializer.Serialize(this, RegressionJsonContext.Default.RegressionModel);

    /// <summary>Writes the model atomically: an interrupted save never leaves half a model file.</summary>
    public void Save(string path) => AiSprint.Model.Formats.AtomicFile.WriteAllText(path, ToJson());

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
        var valid = model.FormatVersion == LinearFormatVersion
            ? model.Fitted is not null && model.Trees is null && model.Svr is null
            : new object?[] { model.Fitted, model.Trees, model.Svr }.Count(m => m is not null) == 1;
        if (!valid) throw new RegressionException($"{source}: a version {model.FormatVersion} model file needs exactly one fitted model ({(model.FormatVersion == LinearFormatVersion ? "\"fitted\"" : "\"fitted\", \"trees\" or \"svr\"")})");
        if (model.Trees is { } trees && (trees.Trees.Count == 0 || trees.Trees.Any(t => !t.IsWellFormed(model.Pipeline.Features.Count))))
            throw new RegressionException($"{source}: malformed tree model");
        if (model.Svr is { } svr && !svr.IsWellFormed(model.Pipeline.Features.Count)) throw new RegressionException($"{source}: malformed SVR model");
        return model;
    }

    public static RegressionModel Load(string path) => FromJson(File.ReadAllText(path), path);
}
