using AiSprint.Model.Formats.Design;
using AiSprint.Model.Units;
using AiSprint.Onnx;
using AiSprint.Onnx.Partitioning;

namespace AiSprint.Profiling.Layers.Modelling;

/// <summary>A layer model file and the candidate resource it was measured on.</summary>
public sealed record ResourceLayerModel(string Resource, string Path, LayerModelFile Model);

/// <summary>
/// The demand of every partition of a plan on every resource that has a per-layer model: the sum of its nodes'
/// predictions (spec: "the prediction of a partition is the sum of its nodes' predictions"). The plan is given by its
/// cut tensors (a partition manifest's cuts), and must be cut points of the model.
/// </summary>
public static class PartitionDemands
{
    /// <returns>Per partition (in plan order), one demand per resource.</returns>
    /// <exception cref="InvalidDataException">A cut tensor is not a single-tensor cut point of the model.</exception>
    public static IReadOnlyList<IReadOnlyList<PieceDemand>> Predict(ModelAnalysis analysis, IReadOnlyList<string> cutTensors, IReadOnlyList<ResourceLayerModel> models)
    {
        var cuts = cutTensors.Select(t => analysis.CutPoints.FirstOrDefault(c => c.Tensor == t)
            ?? throw new InvalidDataException($"'{t}' is not a single-tensor cut point of {analysis.ModelName}; the manifest belongs to another model")).ToList();
        var plan = PartitionPlanner.Describe(analysis, cuts);
        var result = plan.Partitions.Select(_ => new List<PieceDemand>()).ToList();
        foreach (var model in models)
        {
            var partitions = LayerPredictor.Predict(analysis, model.Model).Partitions(plan);
            for (var i = 0; i < partitions.Count; i++) result[i].Add(new PieceDemand(model.Resource, new Seconds(partitions[i].PredictedMs / 1000.0), model.Path));
        }
        return result;
    }
}
