using AiSprint.Annotations;
using Microsoft.ML.OnnxRuntime;

namespace MaskDetection;

/// <summary>
/// How `aisprint profile` (or `dotnet build -p:AiSprintProfileEnabled=true`) exercises the two components. The
/// profiler restricts the process to k cores and sets Environment.ProcessorCount to k, so the session's intra-op
/// pool is sized from it, as a deployment on a k-core resource would size it. The first case of each workload is
/// one request (the demand the placement uses); larger batches let the model learn how time grows.
/// </summary>
public static class Workloads
{
    private static readonly int[] Batches = [1, 2, 4];

    [Workload("blurry-faces-onnx")]
    public static IEnumerable<WorkloadCase> Frames()
    {
        var options = new SessionOptions { IntraOpNumThreads = Environment.ProcessorCount, InterOpNumThreads = 1 };
        var model = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", MaskPipeline.FaceModel));
        var pipeline = new MaskPipeline(new InferenceSession(model, options));
        foreach (var batch in Batches)
        {
            var images = Enumerable.Range(0, batch).Select(Image).ToArray();
            // Each image is one timed call; the case's time is the batch's.
            yield return WorkloadCase.Run(() =>
            {
                foreach (var image in images) pipeline.BlurFaces(image);
            }).With("batch", batch);
        }
    }

    [Workload("mask-detector")]
    public static IEnumerable<WorkloadCase> Scores()
    {
        foreach (var classes in new[] { 1000, 4000, 16000 })
        {
            var scores = Image(classes).Take(classes).ToArray();
            yield return WorkloadCase.Run(() => MaskPipeline.DetectMask(scores)).With("classes", classes);
        }
    }

    private static float[] Image(int seed)
    {
        var random = new Random(seed);
        var image = new float[3 * 224 * 224];
        for (var i = 0; i < image.Length; i++) image[i] = (float)random.NextDouble();
        return image;
    }
}
