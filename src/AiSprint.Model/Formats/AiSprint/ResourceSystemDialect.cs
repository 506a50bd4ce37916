namespace AiSprint.Model.Formats.AiSprint;

/// <summary>
/// The dialects of the resource part shared by candidate_resources.yaml, production_deployment.yaml and the design
/// document's System YAML. The appendix format differs in three ways: its collections are lists of single-key
/// mappings, it spells <c>measureBoot</c>, and its layers carry neither <c>type</c> nor <c>totalNodes</c>.
/// </summary>
internal sealed record ResourceSystemDialect(YamlCollectionLayout Layout, string MeasuredBootKey, bool LayerTypeRequired, bool TotalNodesRequired)
{
    public static readonly ResourceSystemDialect CandidateResources = new(YamlCollectionLayout.Mapping, "measuredBoot", true, true);
    public static readonly ResourceSystemDialect DesignDocument = new(YamlCollectionLayout.ListOfSingleKeyMappings, "measureBoot", false, false);
}
