using System.Globalization;
using System.Text.RegularExpressions;
using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Formats.AiSprint;

/// <summary>Where a partition of the design model comes from in candidate_deployments.yaml.</summary>
/// <param name="Component">The component's name (from application_dag.yaml).</param>
/// <param name="Deployment">s1, s2, … (see <see cref="AiSprintNaming"/>).</param>
/// <param name="Partition">h1, h2, … (see <see cref="AiSprintNaming"/>).</param>
/// <param name="Entry">The candidate_deployments.yaml entry.</param>
/// <param name="Group">The ordinal (1, 2, …) of the partitioned deployment within the component, null for the whole component.</param>
/// <param name="Index">The partition's i in <c>_partitionX_i</c>, null for the whole component.</param>
internal sealed record PartitionOrigin(string Component, string Deployment, string Partition, CandidateEntry Entry, int? Group, int? Index)
{
    /// <summary>The key of components_data_size.yaml for the data this partition sends on.</summary>
    public string DataSizeKey => Group is null ? Component : $"{Component}_partition{Group}_{Index}";
}

/// <summary>The deployments and partitions of one component, in order.</summary>
internal sealed record ComponentOrigin(string Component, string ComponentKey, ValueList<PartitionOrigin> Partitions)
{
    public IEnumerable<IGrouping<string, PartitionOrigin>> Deployments => Partitions.GroupBy(p => p.Deployment);
}

/// <summary>
/// Names deployments and partitions the way SPACE4AI-D's YAML-to-JSON parser does:
/// <list type="bullet">
/// <item>entries are grouped by the <c>componentN</c> prefix of their key;</item>
/// <item><c>componentN</c> (the whole component) is deployment <c>s1</c> with one partition;</item>
/// <item>each partitioned deployment <c>componentN_partition&lt;D&gt;_&lt;i&gt;</c> is
/// <c>s(k+1)</c>, k being the ordinal of D (the files write D as a literal <c>X</c>, and the
/// parser's own partition names as 1, 2, …, so groups are numbered in the order they first
/// appear); its partitions are ordered by i;</item>
/// <item>partitions are numbered h1, h2, … across the whole component in that order (the whole
/// component's h1, then the first partitioned deployment's h2, h3, …), so a partition name is
/// unique within its component, as in SPACE4AI-D JSON.</item>
/// </list>
/// </summary>
internal static partial class AiSprintNaming
{
    [GeneratedRegex(@"^(?<component>.+?)_partition(?<group>[^_]+)_(?<index>[0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex PartitionKey();

    public static IReadOnlyList<ComponentOrigin> Assign(CandidateDeployments deployments, SourceMap map, DiagnosticBag diagnostics)
    {
        var byComponent = new List<(string Key, List<CandidateEntry> Entries)>();
        foreach (var entry in deployments.Entries)
        {
            var match = PartitionKey().Match(entry.Key);
            var componentKey = match.Success ? match.Groups["component"].Value : entry.Key;
            var slot = byComponent.FindIndex(g => g.Key == componentKey);
            if (slot < 0) byComponent.Add((componentKey, [entry]));
            else byComponent[slot].Entries.Add(entry);
        }

        var result = new List<ComponentOrigin>();
        foreach (var (componentKey, entries) in byComponent)
        {
            var whole = entries.FirstOrDefault(e => e.Key == componentKey);
            var name = whole?.Name ?? StripPartition(entries[0].Name);
            var partitions = new List<PartitionOrigin>();
            var h = 0;
            if (whole is not null) partitions.Add(new PartitionOrigin(name, "s1", $"h{++h}", whole, null, null));
            var groups = entries.Where(e => e != whole)
                .Select(e => (Entry: e, Match: PartitionKey().Match(e.Key)))
                .GroupBy(x => x.Match.Groups["group"].Value)
                .ToList();
            for (var k = 0; k < groups.Count; k++)
            {
                var ordered = groups[k]
                    .Select(x => (x.Entry, Index: int.TryParse(x.Match.Groups["index"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue))
                    .OrderBy(x => x.Index)
                    .ToList();
                for (var position = 0; position < ordered.Count; position++)
                {
                    var (entry, index) = ordered[position];
                    if (index != position + 1)
                    {
                        diagnostics.Add(DiagnosticCatalog.BrokenPartitionChain, map.Locate(AiSprintKeys.Entry(entry.Key)),
                            $"{entry.Key} is partition {index} of its deployment; expected the partitions to be numbered 1, 2, … without gaps or repeats (this one should be {position + 1})");
                    }
                    partitions.Add(new PartitionOrigin(name, $"s{k + 2}", $"h{++h}", entry, k + 1, index));
                }
            }
            result.Add(new ComponentOrigin(name, componentKey, partitions.ToValueList()));
        }
        return result;
    }

    private static string StripPartition(string name)
    {
        var match = PartitionKey().Match(name);
        return match.Success ? match.Groups["component"].Value : name;
    }
}
