using System.Text.Json.Serialization;

namespace AiSprint.Regression.Models;

/// <summary>Source-generated (reflection-free, trimming-safe) JSON metadata for model files; enums as names so files stay readable.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RegressionModel))]
internal sealed partial class RegressionJsonContext : JsonSerializerContext;
