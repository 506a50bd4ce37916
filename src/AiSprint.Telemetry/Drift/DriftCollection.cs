using System.Globalization;

namespace AiSprint.Telemetry.Drift;

/// <summary>
/// The values recorded after a drift, written as <c>timestamp,value</c> CSV to a <c>.partial</c> file and renamed to
/// its final name only when the collection period ends: a file without the suffix is always complete. The CSV reads
/// back as a reference file (its last column), so re-training data and the next reference are one file.
/// </summary>
internal sealed class DriftCollection : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly string _partialPath;

    public DriftCollection(string directory, DriftDeclaration declaration, DateTimeOffset start, DateTimeOffset end)
    {
        var folder = Path.Combine(directory, Safe(declaration.Component), Safe(declaration.Metric));
        Directory.CreateDirectory(folder);
        FinalPath = Path.Combine(folder, start.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.fff'Z'", CultureInfo.InvariantCulture) + ".csv");
        _partialPath = FinalPath + ".partial";
        _writer = new StreamWriter(_partialPath, append: false);
        _writer.WriteLine("timestamp,value");
        End = end;
    }

    public string FinalPath { get; }

    public DateTimeOffset End { get; }

    public void Write(DateTimeOffset at, double value, string? label) =>
        _writer.WriteLine(at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) + "," + (label ?? value.ToString("R", CultureInfo.InvariantCulture)));

    /// <summary>Closes the file and gives it its final name.</summary>
    public void Complete()
    {
        _writer.Dispose();
        File.Move(_partialPath, FinalPath, overwrite: true);
    }

    public void Dispose() => _writer.Dispose();

    // Component and metric names become folder names: keep them to characters every file system accepts.
    private static string Safe(string name) =>
        new(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
}
