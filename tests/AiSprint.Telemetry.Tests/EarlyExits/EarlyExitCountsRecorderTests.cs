namespace AiSprint.Telemetry.Tests;

public sealed class EarlyExitCountsRecorderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aisprint-exits-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Recorded_exits_are_written_as_the_counts_file_the_build_reads()
    {
        // A unique name: the meter is process-wide and other tests record in parallel.
        var component = "ee-" + Guid.NewGuid().ToString("N");
        using var recorder = new EarlyExitCountsRecorder();

        foreach (var exit in new[] { 1, 1, 3, 2, 1 }) EarlyExitCounter.Record(component, exit);
        var path = Path.Combine(_directory, "early_exit_counts.csv");
        recorder.Write(path);

        var rows = File.ReadAllLines(path).Where(l => l.StartsWith(component, StringComparison.Ordinal));
        Assert.Equal([$"{component},1,3", $"{component},2,1", $"{component},3,1"], rows);
        Assert.Equal("component,exit,requests", File.ReadLines(path).First());
        Assert.False(File.Exists(path + ".tmp"));
    }
}
