using System.Text.Json;
using System.Text.Json.Serialization;
using AiSprint.Profiling.Layers.Features;

namespace AiSprint.Profiling.Layers.Modelling;

/// <summary>The design document's linear model of one category: t = β0 + β1 · operations (ms), least squares.</summary>
public sealed record LinearLayerModel(double InterceptMs, double SlopeMsPerOperation)
{
    /// <summary>The predicted time in ms of a layer of <paramref name="operations"/> operations, never below 0.</summary>
    public double Predict(double operations) => Math.Max(0, InterceptMs + SlopeMsPerOperation * operations);
}

/// <summary>One technique's cross-validated error on a category (MAPE as a fraction; null when too few rows to validate).</summary>
public sealed record TechniqueScore(string Technique, double? CrossValidationMape)
{
    /// <summary>Why the technique has no score: the regression engine's message when its campaign failed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Failure { get; init; }
}

/// <summary>
/// The models of one layer category: the linear one always, the aMLLibrary technique chosen by cross-validation when
/// there were enough rows (<see cref="TechniqueModel"/> is that technique's regression model file, embedded), the linear
/// model with a memory term, and which one predictions use (<see cref="Selected"/>: "linear", "linear+bytes" or the
/// technique's name).
/// </summary>
public sealed record CategoryModel(
    LayerCategory Category,
    int Rows,
    LinearLayerModel Linear,
    IReadOnlyList<TechniqueScore> Scores,
    string Selected,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? TechniqueModel)
{
    /// <summary>The linear model with a memory term (<see cref="BytesAwareLinearModel"/>); null in files written before it existed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BytesAwareLinearModel? BytesAware { get; init; }
}

/// <summary>A fusion the runtime was seen to make at this level: a node of <see cref="Absorbed"/> executed inside a node of <see cref="Into"/>.</summary>
public sealed record ObservedFusion(string Into, string Absorbed);

/// <summary>
/// The models for one intra-op thread count: per category, the fusions observed, and a pooled linear model on every row
/// for categories never measured (flagged "pooled" wherever it is used).
/// </summary>
public sealed record ThreadModel(int Threads, IReadOnlyList<CategoryModel> Categories, IReadOnlyList<ObservedFusion> Fusions, LinearLayerModel Pooled);

/// <summary>
/// LAYERS.json: a per-layer model of one resource. It states the operation-count convention of its features, the
/// optimisation level it was measured at (predictions are valid for that level only), the networks it was trained on,
/// and one <see cref="ThreadModel"/> per thread count.
/// </summary>
public sealed record LayerModelFile(
    int FormatVersion,
    string Convention,
    string OptimizationLevel,
    string? Resource,
    IReadOnlyList<string> TrainedOn,
    IReadOnlyList<string> Features,
    IReadOnlyList<ThreadModel> ThreadModels)
{
    /// <summary>The <c>formatVersion</c> this build writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The model for <paramref name="threads"/> intra-op threads, or the first one when null.</summary>
    /// <exception cref="InvalidDataException">The file has no model for that thread count.</exception>
    public ThreadModel For(int? threads) => threads is { } t
        ? ThreadModels.FirstOrDefault(m => m.Threads == t) ?? throw new InvalidDataException($"the layer model has no model for {t} threads (it has {string.Join(", ", ThreadModels.Select(m => m.Threads))})")
        : ThreadModels[0];

    /// <summary>The LAYERS.json text of this model.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, LayerModelJsonContext.Default.LayerModelFile);

    /// <summary>Writes LAYERS.json to <paramref name="path"/> atomically.</summary>
    public void Save(string path) => AiSprint.Model.Formats.AtomicFile.WriteAllText(path, ToJson());

    /// <exception cref="InvalidDataException">Not a layer model file, or one this build cannot read.</exception>
    public static LayerModelFile Load(string path)
    {
        LayerModelFile? file;
        try
        {
            file = JsonSerializer.Deserialize(File.ReadAllText(path), LayerModelJsonContext.Default.LayerModelFile);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}:{e.LineNumber + 1}: not a layer model file ({e.Message})", e);
        }
        if (file is null) throw new InvalidDataException($"{path}: empty layer model file");
        if (file.FormatVersion != CurrentFormatVersion) throw new InvalidDataException($"{path}: layer model format version {file.FormatVersion}; this build reads version {CurrentFormatVersion}");
        if (file.Convention != LayerFeatures.ReferenceConvention) throw new InvalidDataException($"{path}: convention '{file.Convention}'; this build predicts with '{LayerFeatures.ReferenceConvention}'");
        if (file.ThreadModels is not { Count: > 0 }) throw new InvalidDataException($"{path}: no thread model");
        return file;
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LayerModelFile))]
internal sealed partial class LayerModelJsonContext : JsonSerializerContext;
