namespace AiSprint.Model.Formats.AiSprint;

/// <summary>
/// <see cref="SourceMap"/> keys for elements of AI-SPRINT files that have no design-model name yet
/// (a candidate_deployments.yaml entry is named <c>component1_partitionX_2</c> before the converter
/// gives it a deployment and partition name). The converter copies these positions to
/// <see cref="ModelKeys"/> entries.
/// </summary>
internal static class AiSprintKeys
{
    public static string Entry(string entryKey) => $"aisprint-entry:{entryKey}";
    public static string EntryName(string entryKey) => $"aisprint-entry-name:{entryKey}";
    public static string EntryContainer(string entryKey, string container) => $"aisprint-container:{entryKey}/{container}";
    public static string EntryCandidate(string entryKey, string container, string resource) => $"aisprint-candidate:{entryKey}/{container}/{resource}";
    public static string OptimizerLayer(string layer) => $"aisprint-optimizer-layer:{layer}";
    public static string SubDomain(string domain, string subDomain) => $"aisprint-subdomain:{domain}/{subDomain}";
    public static string DataSize(string key) => $"aisprint-data-size:{key}";
    public static string Deployed(string entryKey) => $"aisprint-deployed:{entryKey}";
    public const string Components = "aisprint-components";
}
