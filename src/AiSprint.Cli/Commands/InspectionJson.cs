using System.Text.Json;
using System.Text.Json.Serialization;
using AiSprint.Onnx;

namespace AiSprint.Cli.Commands;

/// <summary>
/// <c>aisprint inspect --json</c>: the per-layer table and the single-tensor cut points, with node and tensor names, for
/// scripts. FLOPs are forward FLOPs in docs/onnx.md's per-element convention (named in <c>flopsConvention</c>); a value
/// the analysis could not determine (an unknown shape) is null.
/// </summary>
internal static class InspectionJson
{
    public static string Write(ModelAnalysis analysis) =>
        JsonSerializer.Serialize(
            new InspectedModel(
                analysis.ModelName,
                analysis.IrVersion,
                analysis.OpsetImports.ToDictionary(o => o.Key, o => o.Value),
                "per-element (docs/onnx.md)",
                analysis.NodeCount,
                analysis.TotalParameterCount,
                analysis.TotalParameterBytes,
                analysis.TotalForwardFlops,
                analysis.Inputs,
                analysis.Layers.Select(l => new InspectedLayer(
                    l.NodeIndex, l.NodeName, l.Op, l.OutputShape, l.ForwardFlops, l.ParameterCount, l.OutputBytes, l.CumulativeForwardFlops,
                    analysis.CutPoints.Any(c => c.ProducerIndex == l.NodeIndex))).ToArray(),
                analysis.CutPoints.Select(c => new InspectedCut(
                    c.Tensor, c.ProducerIndex, c.ProducerName, c.ProducerOp, c.Description.Dimensions, c.Bytes, c.NodesBefore, c.NodesAfter, c.CumulativeForwardFlops)).ToArray()),
            InspectionJsonContext.Default.InspectedModel);
}

internal sealed record InspectedModel(
    string Model,
    long IrVersion,
    Dictionary<string, long> Opsets,
    string FlopsConvention,
    int NodeCount,
    long Parameters,
    long ParameterBytes,
    long? ForwardFlops,
    IReadOnlyList<string> Inputs,
    InspectedLayer[] Layers,
    InspectedCut[] CutPoints);

internal sealed record InspectedLayer(
    int Index,
    string Name,
    string Op,
    IReadOnlyList<long?>? OutputShape,
    long? ForwardFlops,
    long Parameters,
    long? OutputBytes,
    long? CumulativeForwardFlops,
    bool IsCutPoint);

internal sealed record InspectedCut(
    string Tensor,
    int ProducerIndex,
    string ProducerName,
    string ProducerOp,
    IReadOnlyList<long?>? Shape,
    long? Bytes,
    int NodesBefore,
    int NodesAfter,
    long? CumulativeForwardFlops);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(InspectedModel))]
internal sealed partial class InspectionJsonContext : JsonSerializerContext;
