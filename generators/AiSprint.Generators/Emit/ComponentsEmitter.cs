using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AiSprint.Generators.Model;
using AiSprint.Generators.Reading;
using Microsoft.CodeAnalysis.CSharp;

namespace AiSprint.Generators.Emit;

/// <summary>
/// Writes <c>AiSprint.Generated.AiSprintComponents</c>: one timed entry point per public static component,
/// for hosts that call a component from outside the compilation (a FaaS handler, a Lambda-style runtime
/// resolving <c>Assembly::Type::Method</c>, reflection), where no interceptor can reach; and, in its nested
/// <c>Descriptors</c> class, the one descriptor of every component and global path of the compilation,
/// which the interceptors share. Only here is the whole set of components known, so only here can a
/// component learn which paths it starts.
/// </summary>
internal static class ComponentsEmitter
{
    public const string HintName = "AiSprintComponents.g.cs";

    private const string Telemetry = "global::AiSprint.Telemetry";

    public static string Source(EquatableArray<ComponentModel> components, EquatableArray<AlternativeModel> alternatives)
    {
        // One descriptor per name: duplicate names are the analyzers' to report; the first (by method) wins here.
        var ordered = components
            .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Method, StringComparer.Ordinal)
            .GroupBy(c => c.Name, StringComparer.Ordinal).Select(g => g.First())
            .ToArray();
        var paths = Paths(ordered);
        var entryPoints = GeneratedNames.EntryPoints(ordered);

        var code = new CodeText()
            .Line(GeneratedCode.Header)
            .Line()
            .Open("namespace AiSprint.Generated")
            .Line("/// <summary>Timed entry points of the public static components, for hosts that call them from outside this assembly.</summary>")
            .Line(GeneratedCode.Attribute)
            .Open($"public static class {GeneratedNames.ComponentsClass}");
        foreach (var component in ordered.Where(c => entryPoints.ContainsKey(c.Name)))
        {
            WriteEntryPoint(code, component, entryPoints[component.Name], alternatives.Where(a => a.Component == component.Name));
            code.Line();
        }

        code.Line("/// <summary>The descriptors of this assembly's components and global paths; generated wrappers share them.</summary>")
            .Open($"internal static class {GeneratedNames.DescriptorsClass}");
        // Paths first: static fields initialise in textual order and components refer to them.
        foreach (var path in paths)
        {
            code.Line($"internal static readonly {Telemetry}.PathDescriptor {GeneratedNames.PathField(path.Name)} = new({Literal(path.Name)}, {Number(path.ThresholdMilliseconds)});");
        }

        foreach (var component in ordered)
        {
            var starts = PathList(paths.Where(p => p.First == component.Name));
            var ends = PathList(paths.Where(p => p.Last == component.Name));
            var threshold = CallSiteReader.UsableThreshold(component.LocalThresholdMilliseconds) is { } ms ? Number(ms) : "null";
            code.Line($"internal static readonly {Telemetry}.ComponentDescriptor {GeneratedNames.ComponentField(component.Name)} = new({Literal(component.Name)}, {threshold}, {starts}, {ends});");
        }

        code.Close().Close();
        if (alternatives.Count > 0)
        {
            code.Line();
            DeploymentSwitch.WriteClass(code, alternatives);
        }

        return code.Close().ToString();
    }

    private static void WriteEntryPoint(CodeText code, ComponentModel component, string name, IEnumerable<AlternativeModel> alternatives)
    {
        var callee = component.EntryPoint!;
        var parameters = string.Join(", ", callee.Parameters.Select(p => $"{p.Modifier}{p.Type} {p.Name}"));
        var arguments = string.Join(", ", callee.Parameters.Select(p => $"{p.ArgumentModifier}{p.Name}"));
        var call = $"{callee.StaticTarget}.{callee.MethodName}({arguments})";
        code.Line($"/// <summary>Calls the component <c>{Escape(component.Name)}</c> (<c>{Escape(component.Method)}</c>), timed like an intercepted call.</summary>")
            .Open($"public static {callee.ReturnType} {name}({parameters})");
        WrapperBody.Write(code, callee, call, $"{GeneratedNames.DescriptorsClass}.{GeneratedNames.ComponentField(component.Name)}",
            DeploymentSwitch.Branches(alternatives, null, null, arguments).ToList());
        code.Close();
    }

    private sealed record PathRole(string Name, double ThresholdMilliseconds, string First, string Last);

    // The design document's convention: the last component carries the path; its first component is the
    // first of the previous ones, or the last itself for a one-component path.
    private static PathRole[] Paths(IEnumerable<ComponentModel> components) =>
        components
            .SelectMany(c => c.GlobalConstraints
                .Where(g => g.PathName.Length > 0 && CallSiteReader.UsableThreshold(g.ThresholdMilliseconds) is not null)
                .Select(g => new PathRole(g.PathName, g.ThresholdMilliseconds, g.PreviousComponents.Count > 0 ? g.PreviousComponents[0] : c.Name, c.Name)))
            .GroupBy(p => p.Name, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToArray();

    private static string PathList(IEnumerable<PathRole> paths) =>
        "[" + string.Join(", ", paths.Select(p => GeneratedNames.PathField(p.Name))) + "]";

    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "d";

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
