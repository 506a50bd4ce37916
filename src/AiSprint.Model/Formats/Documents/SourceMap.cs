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

    /// <summary>An empty map whose unrecorded elements are blamed on <paramref name="defaultFile"/>.</summary>
    public SourceMap(string defaultFile) => DefaultFile = defaultFile;

    /// <summary>The file to blame when an element has no recorded position (e.g. it was derived).</summary>
    public string DefaultFile { get; }

    /// <summary>Records where the element <paramref name="key"/> is defined; the first position recorded for a key wins.</summary>
    public void Record(string key, SourceLocation location) => _locations.TryAdd(key, location);

    /// <summary>Where <paramref name="key"/> is defined, or the whole <see cref="DefaultFile"/> when unrecorded.</summary>
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

    /// <summary>Adds the positions of <paramref name="other"/> for keys this map does not have yet.</summary>
    public void Merge(SourceMap other)
    {
        foreach (var (key, location) in other._locations) _locations.TryAdd(key, location);
    }
}

/// <summary>The keys of <see cref="SourceMap"/>: one per kind of model element.</summary>
public static class ModelKeys
{
    /// <summary>The key of a component.</summary>
    public static string Component(string c) => $"component:{c}";
    /// <summary>The key of deployment <paramref name="s"/> of component <paramref name="c"/>.</summary>
    public static string Deployment(string c, string s) => $"deployment:{c}/{s}";
    /// <summary>The key of partition <paramref name="h"/> of deployment <paramref name="s"/> of component <paramref name="c"/>.</summary>
    public static string Partition(string c, string s, string h) => $"partition:{c}/{s}/{h}";
    internal static string PartitionNext(string c, string s, string h) => $"partition-next:{c}/{s}/{h}";
    /// <summary>The key of partition <paramref name="h"/>'s candidate resource <paramref name="r"/>.</summary>
    public static string Candidate(string c, string h, string r) => $"candidate:{c}/{h}/{r}";
    internal static string CandidateMemory(string c, string h, string r) => $"candidate-memory:{c}/{h}/{r}";
    /// <summary>The key of partition <paramref name="h"/>'s demand on resource <paramref name="r"/>.</summary>
    public static string Demand(string c, string h, string r) => $"demand:{c}/{h}/{r}";
    internal static string Compatibility(string c, string h) => $"compatibility:{c}/{h}";
    /// <summary>The key of partition <paramref name="h"/>'s performance models.</summary>
    public static string Performance(string c, string h) => $"performance:{c}/{h}";
    /// <summary>The key of partition <paramref name="h"/>'s container requirements.</summary>
    public static string Requirements(string c, string h) => $"requirements:{c}/{h}";
    /// <summary>The key of a resource.</summary>
    public static string Resource(string r) => $"resource:{r}";
    /// <summary>The key of a computational layer.</summary>
    public static string Layer(string l) => $"layer:{l}";
    /// <summary>The key of a network domain.</summary>
    public static string Domain(string d) => $"domain:{d}";
    internal static string DomainLayer(string d, string l) => $"domain-layer:{d}/{l}";
    /// <summary>The key of a component's DAG node.</summary>
    public static string DagNode(string c) => $"dag:{c}";
    /// <summary>The key of a DAG edge.</summary>
    public static string DagEdge(string from, string to) => $"dag-edge:{from}->{to}";
    /// <summary>The key of a component's local constraint.</summary>
    public static string LocalConstraint(string c) => $"local:{c}";
    /// <summary>The key of a global constraint, by its path name.</summary>
    public static string GlobalConstraint(string p) => $"global:{p}";
    internal static string GlobalConstraintMember(string p, int index) => $"global-member:{p}/{index}";
    /// <summary>The key of the arrival rate.</summary>
    public const string Lambda = "lambda";
    /// <summary>The key of the billing horizon.</summary>
    public const string Time = "time";
}

/// <summary>A model read from a file, with the positions of its elements and every diagnostic.</summary>
public sealed record Located<T>(T Value, SourceMap Map) where T : class;
