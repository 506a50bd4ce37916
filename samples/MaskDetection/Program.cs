using MaskDetection;
using Microsoft.ML.OnnxRuntime;

// Runs the pipeline on a few synthetic frames; every component call is timed by the generated wrappers.
var model = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", MaskPipeline.FaceModel);
using var session = new InferenceSession(Path.GetFullPath(model));
var pipeline = new MaskPipeline(session);
var random = new Random(7);
for (var frame = 0; frame < 3; frame++)
{
    var image = new float[3 * 224 * 224];
    for (var i = 0; i < image.Length; i++) image[i] = (float)random.NextDouble();
    Console.WriteLine($"frame {frame}: mask {(MaskPipeline.DetectMask(pipeline.BlurFaces(image)) ? "on" : "off")}");
}
