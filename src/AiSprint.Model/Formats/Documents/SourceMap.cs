using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Formats;

/// <summary>
/// Where each element of a model was defined in its source file(s). Model records stay free of
/// positions (they compare by content); readers fill a map keyed by <see cref="ModelKeys"/> so
/// that validation can point at the right line.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<string, SourceLocation> _locations = new(StringComparer.Ordinal);

    public SourceMap(string defaultFile) => DefaultFile = defaultFile;

    /// <summary>The file to blame when an element has no recorded position (e.g. it was derived).</summary>
    public string DefaultFile { get; }

    public void Record(string key, SourceLocation location) => _locations.TryAdd(key, location);

    public SourceLocation Locate(string key) =>
        _locations.TryGetValue(key, out var location) ? location : SourceLocation.WholeFile(DefaultFile);

    /// <summary>The first key that has a position, for rules that concern several elements.</summary>
    public SourceLocation Locate(params string[] keys)
    {
        foreach (var key in keys)
        {
            if (_locations.TryGetValue(key, out var location)) return location;
        }
        return SourceLocation.WholeFile(DefaultFile);
    }

    public void Merge(SourceMap other)
    {
        foreach (var (key, location) in other._locations) _locations.TryAdd(key, location);
    }
}

/// <summary>The keys of <see cref="SourceMap"/>: one per kind of model element.</summary>
public static class ModelKeys
{
    public static string Component(string c) => $"component:{c}";
    public static string Deployment(string c, string s) => $"deployment:{c}/{s}";
    public static string Partition(string c, string s, string h) => $"partition:{c}/{s}/{h}";
    internal static string PartitionNext(string c, string s, string h) => $"partition-next:{c}/{s}/{h}";
    public static string Candidate(string c, string h, string r) => $"candidate:{c}/{h}/{r}";
    internal static string CandidateMemory(string c, string h, string r) => $"candidate-memory:{c}/{h}/{r}";
    public static string Demand(string c, string h, string r) => $"demand:{c}/{h}/{r}";
    internal static string Compatibility(string c, string h) => $"compatibility:{c}/{h}";
    public static string Performance(string c, string h) => $"performance:{c}/{h}";
    public static string Requirements(string c, string h) => $"requirements:{c}/{h}";
    public static string Resource(string r) => $"resource:{r}";
    public static string Layer(string l) => $"layer:{l}";
    public static string Domain(string d) => $"domain:{d}";
    internal static string DomainLayer(string d, string l) => $"domain-layer:{d}/{l}";
    public static string DagNode(string c) => $"dag:{c}";
    public static string DagEdge(string from, string to) => $"dag-edge:{from}->{to}";
    public static string LocalConstraint(string c) => $"local:{c}";
    public static string GlobalConstraint(string p) => $"global:{p}";
    internal static string GlobalConstraintMember(string p, int index) => $"global-member:{p}/{index}";
    public const string Lambda = "lambda";
    public const string Time = "time";
}

/// <summary>A model read from a file, with the positions of its elements and every diagnostic.</summary>
public sealed record Located<T>(T Value, SourceMap Map) where T : class;
