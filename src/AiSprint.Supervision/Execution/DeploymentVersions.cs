using System.Globalization;
using AiSprint.Model.Formats;

namespace AiSprint.Supervision.Execution;

/// <summary>
/// The output folder: one folder per placement, <c>v0001</c> (the build's), <c>v0002</c>… (each re-plan), and a
/// <c>current</c> file naming the one in force. A version folder is written whole under a temporary name and renamed
/// into place, so a reader sees either no folder or a complete one; <c>current</c> moves only after that.
/// </summary>
internal sealed class DeploymentVersions(string directory)
{
    public const string CurrentFile = "current";

    public string Directory => directory;

    public static string Name(int version) => "v" + version.ToString("0000", CultureInfo.InvariantCulture);

    public string PathOf(int version) => Path.Combine(directory, Name(version));

    /// <summary>The highest complete version folder, or 0.</summary>
    public int Latest()
    {
        if (!System.IO.Directory.Exists(directory)) return 0;
        return System.IO.Directory.EnumerateDirectories(directory, "v*")
            .Select(d => Path.GetFileName(d))
            .Select(n => n.Length == 5 && int.TryParse(n.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
            .DefaultIfEmpty(0).Max();
    }

    /// <summary>Writes <paramref name="files"/> (name → content) as version <paramref name="version"/> and makes it current.</summary>
    public string Write(int version, IReadOnlyDictionary<string, string> files)
    {
        System.IO.Directory.CreateDirectory(directory);
        var target = PathOf(version);
        if (System.IO.Directory.Exists(target)) throw new IOException($"{target} already exists; a version is never overwritten");
        var staging = Path.Combine(directory, $".{Name(version)}.{Guid.NewGuid():N}.tmp");
        try
        {
            System.IO.Directory.CreateDirectory(staging);
            foreach (var (name, content) in files) AtomicFile.WriteAllText(Path.Combine(staging, name), content);
            System.IO.Directory.Move(staging, target);
        }
        finally
        {
            if (System.IO.Directory.Exists(staging)) System.IO.Directory.Delete(staging, recursive: true);
        }
        AtomicFile.WriteAllText(Path.Combine(directory, CurrentFile), Name(version) + "\n");
        return target;
    }
}
