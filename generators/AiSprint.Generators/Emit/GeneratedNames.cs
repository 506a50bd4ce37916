using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using AiSprint.Generators.Model;

namespace AiSprint.Generators.Emit;

/// <summary>
/// The C# names generated code gives components and paths. Derived from the names alone (never from
/// an order), so that an interceptor file can name a descriptor without seeing the other components.
/// </summary>
internal static class GeneratedNames
{
    public const string ComponentsClass = "AiSprintComponents";
    public const string ComponentsClassFullName = "AiSprint.Generated." + ComponentsClass;
    public const string DescriptorsClass = "Descriptors";

    /// <summary>The field of a component's descriptor in <c>AiSprintComponents.Descriptors</c>.</summary>
    public static string ComponentField(string componentName) => "Component_" + Identifier(componentName);

    /// <summary>The field of a path's descriptor in <c>AiSprintComponents.Descriptors</c>.</summary>
    public static string PathField(string pathName) => "Path_" + Identifier(pathName);

    /// <summary>
    /// The entry-point method of each component that has one, by component name: the name in PascalCase
    /// (<c>mask-detector-onnx</c> → <c>MaskDetectorOnnx</c>); a name already taken gets the hash of the component's name.
    /// </summary>
    public static Dictionary<string, string> EntryPoints(IEnumerable<ComponentModel> components)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal) { ComponentsClass, DescriptorsClass };
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var component in components.Where(c => c.EntryPoint is not null).OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Method, StringComparer.Ordinal))
        {
            if (names.ContainsKey(component.Name))
            {
                continue;
            }

            var name = Pascal(component.Name);
            if (!taken.Add(name))
            {
                name += "_" + Hash(component.Name);
                taken.Add(name);
            }

            names.Add(component.Name, name);
        }

        return names;
    }

    public static string Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }

    // Letters, digits and '_' are kept; a name that needed any other change gets its hash, so
    // "a-b" and "a_b" (or "a.b") never share a field.
    private static string Identifier(string name)
    {
        var kept = new string(name.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
        return kept == name ? kept : kept + "_" + Hash(name);
    }

    internal static string Pascal(string name)
    {
        var text = new StringBuilder();
        foreach (var part in name.Split(name.Where(c => !char.IsLetterOrDigit(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries))
        {
            text.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
        }

        if (text.Length == 0 || char.IsDigit(text[0]))
        {
            text.Insert(0, '_');
        }

        return text.ToString();
    }
}
