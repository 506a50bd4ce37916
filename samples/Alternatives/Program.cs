using AiSprint.Generated;
using Alternatives;

// Inspects a few synthetic frames with the implementations the deployment identifier names: the AISPRINT_DEPLOYMENT
// environment variable (set it to the "Chosen" line's alternatives in bin/.../aisprint/deployment/report.txt, e.g.
// AISPRINT_DEPLOYMENT=defect-classifier-small), or AiSprintDeployment.Use at run time.
Console.WriteLine($"deployment: {(AiSprintDeployment.Current is { Length: > 0 } d ? d : "original implementations")}");
var random = new Random(5);
float[] levels = [0.2f, 0.55f, 0.7f, 0.4f]; // mean brightness of each frame: no part, dent (scratch for the small classifier), scratch, none
for (var frame = 0; frame < levels.Length; frame++)
{
    var pixels = new float[32 * 32];
    for (var i = 0; i < pixels.Length; i++) pixels[i] = levels[frame] * (float)random.NextDouble() * 2;
    var part = Inspection.FilterFrame(pixels);
    Console.WriteLine($"frame {frame}: {(part is null ? "no part" : Inspection.Classify(part))}");
}
