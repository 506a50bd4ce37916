using AiSprint.Telemetry;
using EarlyExit;

// Classifies synthetic 16×16 images through the partitions the build wrote (bin/.../aisprint/partitions/defect-classifier).
// With --record-exits FILE it writes the per-exit request counts, which the next build uses instead of the declared
// probabilities (copy it to the project directory as early_exit_counts.csv).
// --confidence C sets the exit condition's threshold (default 0.8).
string? record = null;
for (var a = 0; a + 1 < args.Length; a += 2)
{
    if (args[a] == "--record-exits") record = args[a + 1];
    else if (args[a] == "--confidence") Classifier.Confidence = float.Parse(args[a + 1], System.Globalization.CultureInfo.InvariantCulture);
}
using var counts = new EarlyExitCountsRecorder();
Classifier.Open();
try
{
    var random = new Random(11);
    for (var request = 0; request < 200; request++)
    {
        // Brightness varies from dim to glaring, so some images are easy for the early heads and some are not.
        var brightness = (float)Math.Pow(2, random.NextDouble() * 6 - 3);
        var image = new float[3 * 16 * 16];
        for (var i = 0; i < image.Length; i++) image[i] = (float)random.NextDouble() * brightness;
        Classifier.Report(Classifier.Classify(image));
    }
}
finally
{
    Classifier.Close();
}
foreach (var ((component, exit), requests) in counts.Counts.OrderBy(c => c.Key.Exit)) Console.WriteLine($"{component}: {requests} requests stopped at {(exit <= 2 ? $"exit {exit}" : "the end")}");
if (record is not null)
{
    counts.Write(record);
    Console.WriteLine($"wrote {record}");
}
