using Microsoft.ML.OnnxRuntime;

namespace AiSprint.Profiling.Layers.Measurement;

/// <summary>
/// How a network is timed: intra-op threads (per-layer times do not scale linearly with them, so a model is per thread
/// count), the graph optimisation level (it decides which nodes fuse; a prediction is valid for the level it was
/// measured at), and how many runs are discarded as warm-up and how many are kept.
/// </summary>
public sealed record ProfilingSettings(int Threads = 1, GraphOptimizationLevel OptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL, int WarmupRuns = 3, int MeasuredRuns = 10, int Seed = 0)
{
    /// <summary>The level as written in model files and reports (disabled, basic, extended, all).</summary>
    public string OptimizationLevelName => NameOf(OptimizationLevel);

    /// <summary>The name of <paramref name="level"/> in model files and reports (<c>disabled</c>, <c>basic</c>, <c>extended</c>, <c>all</c>).</summary>
    public static string NameOf(GraphOptimizationLevel level) => level switch
    {
        GraphOptimizationLevel.ORT_DISABLE_ALL => "disabled",
        GraphOptimizationLevel.ORT_ENABLE_BASIC => "basic",
        GraphOptimizationLevel.ORT_ENABLE_EXTENDED => "extended",
        _ => "all",
    };

    /// <summary>Parses a level name of <see cref="NameOf"/>; null for anything else.</summary>
    public static GraphOptimizationLevel? ParseLevel(string text) => text.ToLowerInvariant() switch
    {
        "disabled" or "disable" or "none" or "0" => GraphOptimizationLevel.ORT_DISABLE_ALL,
        "basic" or "1" => GraphOptimizationLevel.ORT_ENABLE_BASIC,
        "extended" or "2" => GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
        "all" or "99" => GraphOptimizationLevel.ORT_ENABLE_ALL,
        _ => null,
    };
}
