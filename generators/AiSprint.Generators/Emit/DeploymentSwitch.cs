using System.Collections.Generic;
using System.Linq;
using AiSprint.Contract;
using AiSprint.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace AiSprint.Generators.Emit;

/// <summary>
/// The run-time switch between a component and its alternatives: <c>AiSprint.Generated.AiSprintDeployment</c> holds
/// the deployment identifier (the alternatives to run, comma-separated; read from <c>AISPRINT_DEPLOYMENT</c> at start,
/// replaceable with <c>Use</c> when a re-plan degrades), and every wrapper of a component with alternatives asks it
/// which implementation to call.
/// </summary>
internal static class DeploymentSwitch
{
    public const string ClassName = "AiSprintDeployment";
    public const string ClassFullName = "global::AiSprint.Generated." + ClassName;

    public static void WriteClass(CodeText code, IEnumerable<AlternativeModel> alternatives)
    {
        var names = alternatives.Select(a => a.Name).Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToArray();
        code.Line("/// <summary>")
            .Line("/// Which implementation each component with alternatives runs. The deployment identifier lists the alternatives in")
            .Line($"/// use, comma-separated (none: every component runs its original); it is read from <c>{AnnotationContract.DeploymentEnvironmentVariable}</c> at start and")
            .Line("/// replaced by <see cref=\"Use\"/>, so a re-plan can degrade the running application without a rebuild.")
            .Line("/// </summary>")
            .Line(GeneratedCode.Attribute)
            .Open($"public static class {ClassName}")
            .Line($"/// <summary>The environment variable read at start.</summary>")
            .Line($"public const string EnvironmentVariable = \"{AnnotationContract.DeploymentEnvironmentVariable}\";")
            .Line()
            .Line("/// <summary>Every alternative this assembly declares.</summary>")
            .Line($"public static global::System.Collections.Generic.IReadOnlyList<string> Alternatives {{ get; }} = new string[] {{ {string.Join(", ", names.Select(Literal))} }};")
            .Line()
            .Line("private static volatile string[] s_current = Parse(global::System.Environment.GetEnvironmentVariable(EnvironmentVariable));")
            .Line()
            .Line("/// <summary>The current deployment identifier.</summary>")
            .Line("public static string Current => string.Join(\",\", s_current);")
            .Line()
            .Line("/// <summary>Switches implementation: <paramref name=\"identifier\"/> lists the alternatives to run; null or empty runs the originals.</summary>")
            .Line("/// <exception cref=\"global::System.ArgumentException\">An alternative this assembly does not declare.</exception>")
            .Line("public static void Use(string? identifier) => s_current = Parse(identifier);")
            .Line()
            .Line("/// <summary>Whether the deployment runs the alternative <paramref name=\"name\"/>.</summary>")
            .Line("public static bool Runs(string name) => global::System.Array.IndexOf(s_current, name) >= 0;")
            .Line()
            .Open("private static string[] Parse(string? identifier)")
            .Line("var names = (identifier ?? \"\").Split(new[] { ',' }, global::System.StringSplitOptions.RemoveEmptyEntries);")
            .Open("for (var i = 0; i < names.Length; i++)")
            .Line("names[i] = names[i].Trim();")
            .Open("if (global::System.Linq.Enumerable.Contains(Alternatives, names[i]) == false)")
            .Line($"throw new global::System.ArgumentException($\"the deployment '{{identifier}}' names '{{names[i]}}', which is no alternative of this application; expected a comma-separated subset of {{string.Join(\", \", Alternatives)}}\", nameof(identifier));")
            .Close()
            .Close()
            .Line("return names;")
            .Close()
            .Close();
    }

    /// <summary>
    /// Before the component's own call: one branch per callable alternative. <paramref name="receiver"/> is the instance
    /// expression of an instance call, null for a static one; an alternative of the other kind is not reachable from it.
    /// </summary>
    public static IEnumerable<(string Name, string Call)> Branches(IEnumerable<AlternativeModel> alternatives, string? receiver, string? receiverType, string arguments)
    {
        foreach (var alternative in alternatives.Where(a => a.Callable).OrderBy(a => a.Name, System.StringComparer.Ordinal))
        {
            if (alternative.IsStatic)
            {
                yield return (alternative.Name, $"{alternative.ContainingType}.{alternative.MethodName}({arguments})");
            }
            else if (receiver is not null && receiverType == alternative.ContainingType)
            {
                yield return (alternative.Name, $"{receiver}.{alternative.MethodName}({arguments})");
            }
        }
    }

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
}
