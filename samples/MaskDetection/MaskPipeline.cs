using AiSprint.Annotations;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace MaskDetection;

/// <summary>
/// The two components, annotated as the AI-SPRINT example annotates its Python entry points: a local
/// threshold on each, a global one over the path, one request per second, the face model partitionable.
/// </summary>
public sealed class MaskPipeline(InferenceSession faces)
{
    /// <summary>
    /// The face model. The example's own (version-RFB-640.onnx) is not in the developer pack; SqueezeNet 1.1,
    /// a network of the same size class with branches, stands in for it.
    /// </summary>
    public const string FaceModel = "../../../shared/data/onnx/squeezenet1_1.onnx";

    [Component("blurry-faces-onnx")]
    [ExecTime(20, TimeUnit.Milliseconds)]
    [ExpectedThroughput(1)]
    [Partitionable(FaceModel, 2)]
    [DeviceConstraints(RamMb = 512)]
    [Successor("mask-detector", Probability = 1, DataSizeMb = 0.6)]
    public float[] BlurFaces(float[] image)
    {
        var input = new DenseTensor<float>(image, [1, 3, 224, 224]);
        using var results = faces.Run([NamedOnnxValue.CreateFromTensor(faces.InputMetadata.Keys.First(), input)]);
        return results[0].AsEnumerable<float>().ToArray();
    }

    [Component("mask-detector")]
    [ExecTime(10, TimeUnit.Milliseconds)]
    [GlobalExecTime("faces-to-masks", 30, TimeUnit.Milliseconds, "blurry-faces-onnx")]
    [DeviceConstraints(RamMb = 256)]
    public static bool DetectMask(float[] scores)
    {
        // The face model's most confident class stands for "a face with a mask" when it is even.
        var best = 0;
        for (var i = 1; i < scores.Length; i++) if (scores[i] > scores[best]) best = i;
        return best % 2 == 0;
    }
}
