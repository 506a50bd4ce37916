using AiSprint.Onnx.Graph;
using AiSprint.Onnx.Protobuf;
using AiSprint.Onnx.Verification;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace AiSprint.Onnx.Shapes;

/// <summary>
/// Fills in the shapes static inference left unknown: ONNX Runtime runs the model once with those tensors added as
/// graph outputs and reports what it produced. The inputs are the caller's sample tensors, else zeros of the
/// (fully known) input shapes.
/// </summary>
internal static class RuntimeShapeProbe
{
    public static void Fill(ComputationGraph graph, Dictionary<string, TensorDescription> tensors, IReadOnlyDictionary<string, NpyArray>? sampleInputs)
    {
        var unknown = graph.ProducedTensors.Where(t => !tensors.TryGetValue(t, out var d) || !d.IsFullyKnown).ToArray();
        if (unknown.Length == 0) return;
        var inputs = new Dictionary<string, OrtValue>(StringComparer.Ordinal);
        try
        {
            foreach (var name in graph.RealInputs)
            {
                var value = sampleInputs is not null && sampleInputs.TryGetValue(name, out var sample)
                    ? OrtValue.CreateTensorValueFromMemory(sample.Data, sample.Shape)
                    : ZerosFor(tensors[name]);
                if (value is null) return; // a dynamic input dimension and no sample: the unknown shapes stay unknown
                inputs[name] = value;
            }
            var probe = graph.Model.Clone();
            var exposed = new HashSet<string>(probe.Graph.Output.Select(o => o.Name), StringComparer.Ordinal);
            foreach (var name in unknown.Where(exposed.Add))
            {
                probe.Graph.Output.Add(new ValueInfoProto { Name = name });
            }
            using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL };
            using var session = new InferenceSession(probe.ToByteArray(), options);
            using var runOptions = new RunOptions();
            using var results = session.Run(runOptions, inputs, unknown);
            for (var i = 0; i < unknown.Length; i++)
            {
                var info = results[i].GetTensorTypeAndShape();
                var previous = tensors.TryGetValue(unknown[i], out var p) ? p.ElementTypeCode : 0;
                var type = previous != 0 ? previous : (int)info.ElementDataType;
                tensors[unknown[i]] = new TensorDescription(unknown[i], ElementTypes.Name(type), info.Shape.Select(d => (long?)d).ToArray(), ShapeSource.Runtime) { ElementTypeCode = type };
            }
        }
        catch (OnnxRuntimeException e)
        {
            throw new OnnxFormatException($"ONNX Runtime could not run the model to measure {unknown.Length} tensor shapes that static inference left unknown: {e.Message}", e);
        }
        finally
        {
            foreach (var value in inputs.Values) value.Dispose();
        }
    }

    private static OrtValue? ZerosFor(TensorDescription input)
    {
        if (!input.IsFullyKnown) return null;
        var shape = input.Dimensions!.Select(d => d!.Value).ToArray();
        var count = input.ElementCount!.Value;
        return input.ElementTypeCode switch
        {
            ElementTypes.Float => OrtValue.CreateTensorValueFromMemory(new float[count], shape),
            ElementTypes.Int64 => OrtValue.CreateTensorValueFromMemory(new long[count], shape),
            ElementTypes.Int32 => OrtValue.CreateTensorValueFromMemory(new int[count], shape),
            ElementTypes.Bool => OrtValue.CreateTensorValueFromMemory(new bool[count], shape),
            _ => null,
        };
    }
}
