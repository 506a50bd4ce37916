using AiSprint.Contract.Inputs;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Units;

namespace AiSprint.Model.Formats.AiSprint;

/// <summary>
/// Reads one optimiser method, as SPACE4AI-D.yaml and the Python tool's run settings JSON write it
/// (the same keys in both). A method name the tool does not register is run by neither tool: the
/// Python tool's own Input_file.json says "local search", and spells startingPointsNumber
/// (placement-model.md §8.2), so both get a warning with the intended spelling.
/// </summary>
internal static class OptimizerMethodReader
{
    /// <summary>The method names the Python tool registers (placement-model.md §8).</summary>
    public static readonly string[] KnownMethods = ["RandomGreedy", "LocalSearch", "TabuSearch", "SimulatedAnnealing", "GeneticAlgorithm"];

    private static readonly string[] MethodKeys = ["name", "iterations", "duration", "startingPointNumber", "specialParameters"];

    public static OptimizerMethod? Read(DocumentMember member, NodeReader reader)
    {
        var node = member.Value;
        reader.Members(node, $"method {member.Key}");
        if (!node.IsMapping) return null;
        YamlInput.CheckKeys(reader, node, node.Path, MethodKeys);
        var nameNode = reader.Required(node, "name", "the method name");
        var name = nameNode is null ? null : reader.String(nameNode, "the method name");
        if (name is not null && !KnownMethods.Contains(name))
        {
            var hint = NameSuggestion.Closest(name.Replace(" ", ""), KnownMethods) is { } s ? $" (did you mean '{s}'?)" : "";
            reader.Error(DiagnosticCatalog.UnknownKey, nameNode!.Location, $"method '{name}' is not one SPACE4AI-D runs{hint}, so it is skipped; expected one of: {string.Join(", ", KnownMethods)}");
        }
        int? Int(string key, string what) => NodeReader.Optional(node, key) is { } n ? reader.Integer(n, what, 0) : null;
        var iterations = Int("iterations", "the number of iterations");
        var startingPoints = Int("startingPointNumber", "the number of starting points");
        var duration = YamlInput.OptionalNumber(reader, node, "duration", "the duration (s)", 0);
        var special = new List<MethodParameter>();
        if (NodeReader.Optional(node, "specialParameters") is { IsNull: false } specialNode)
        {
            foreach (var p in reader.Members(specialNode, $"{node.Path}.specialParameters"))
            {
                if (reader.Text(p.Value, $"the parameter {p.Key}") is { } value) special.Add(new MethodParameter(p.Key, value));
            }
        }
        if (name is null) return null;
        return new OptimizerMethod(member.Key, name)
        {
            Iterations = iterations,
            Duration = duration is null ? null : new Seconds(duration.Value),
            StartingPointNumber = startingPoints,
            SpecialParameters = special.ToValueList(),
        };
    }
}
