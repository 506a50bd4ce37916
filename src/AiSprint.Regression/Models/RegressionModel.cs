using System.Text.Json;
using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Preparation;
using AiSprint.Regression.Techniques;
using AiSprint.Regression.Validation;

namespace AiSprint.Regression.Models;

/// <summary>A hyper-parameter as stored in a model file: its name and its value as Python writes it.</summary>
public sealed record StoredHyperparameter(string Name, string Value);

/// <summary>
/// A trained model, self-contained: the whole preparation pipeline, the normalisation fitted with it (null
/// when normalization is off), the technique with its hyper-parameters and the fitted coefficients. The
/// equivalent of aMLLibrary's pickled <c>Regressor</c> (spec §9), as versioned JSON.
/// </summary>
public sealed record RegressionModel(
    int FormatVersion,
    AmlTechnique Technique,
    IReadOnlyList<StoredHyperparameter> Hyperparameters,
    PreparationPipeline Pipeline,
    Standardizer? Scaler,
    LinearModel Fitted)
{
    /// <summary>The version this build writes and reads; bumped whenever the JSON shape changes.</summary>
    public const int CurrentFormatVersion = 1;

    internal static RegressionModel From(AmlTechnique technique, GridPoint point, PreparationPipeline pipeline, FittedPipeline fitted) =>
        new(CurrentFormatVersion, technique, point.Settings.Select(s => new StoredHyperparameter(s.Name, s.Value.ToPython())).ToList(), pipeline, fitted.Scaler, fitted.Model);

    /// <summary>Predictions for every row of the dataset: the pipeline is replayed (rename, one-hot, inverse, log, products, Ernest), x scaled, y inverse-scaled.</summary>
    public double[] Predict(AmlDataset rows)
    {
        var fitted = new FittedPipeline(Scaler, Fitted);
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
        if (model.FormatVersion != CurrentFormatVersion)
        {
            throw new RegressionException($"{source}: model format version {model.FormatVersion}, this build reads version {CurrentFormatVersion}");
        }
        return model;
    }

    public static RegressionModel Load(string path) => FromJson(File.ReadAllText(path), path);
}
