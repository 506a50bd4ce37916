using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AiSprint.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace AiSprint.Generators.Emit;

/// <summary>
/// Writes the interceptors of one calling file. Calls with the same callee share one interceptor
/// carrying several <c>[InterceptsLocation]</c>; each component gets one static descriptor, so a
/// timed call allocates nothing.
/// </summary>
internal static class InterceptorEmitter
{
    /// <summary>The namespace consumers list in <c>InterceptorsNamespaces</c>.</summary>
    public const string Namespace = "AiSprint.Generated.Interceptors";

    private const string Telemetry = "global::AiSprint.Telemetry";

    public static string HintName(string filePath)
    {
        // The file name keeps the hint readable; the hash of the full path keeps two Program.cs apart.
        var name = filePath.Split('/', '\\').Last();
        var stem = new string(name.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
        return $"Interceptors.{stem}.{GeneratedNames.Hash(filePath)}.g.cs";
    }

    public static string Source(InterceptorFileModel file)
    {
        var groups = file.CallSites
            .GroupBy(c => c.Callee)
            .Select(g => (Callee: g.Key, Sites: g.OrderBy(s => s.LocationData, StringComparer.Ordinal).ToArray()))
            .ToArray();
        // Components of referenced assemblies get a local descriptor (no global paths: their path
        // roles are the other compilation's); this compilation's share AiSprintComponents.Descriptors.
        var descriptors = groups
            .Where(g => !g.Callee.DeclaredHere)
            .Select(g => (g.Callee.ComponentName, g.Callee.LocalThresholdMilliseconds))
            .Distinct()
            .Select((d, index) => (d.ComponentName, d.LocalThresholdMilliseconds, Field: "s_component" + index.ToString(CultureInfo.InvariantCulture)))
            .ToArray();

        var code = new CodeText()
            .Line(GeneratedCode.Header)
            .Line()
            .Open($"namespace {Namespace}")
            .Line(GeneratedCode.Attribute)
            .Open("file static class ComponentInterceptors");
        foreach (var descriptor in descriptors)
        {
            var threshold = descriptor.LocalThresholdMilliseconds is { } ms ? ms.ToString("R", CultureInfo.InvariantCulture) + "d" : "null";
            code.Line($"private static readonly {Telemetry}.ComponentDescriptor {descriptor.Field} = new({SymbolDisplay.FormatLiteral(descriptor.ComponentName, quote: true)}, {threshold});");
        }

        for (var index = 0; index < groups.Length; index++)
        {
            var (callee, sites) = groups[index];
            var field = callee.DeclaredHere
                ? $"global::{GeneratedNames.ComponentsClassFullName}.{GeneratedNames.DescriptorsClass}.{GeneratedNames.ComponentField(callee.ComponentName)}"
                : descriptors.First(d => d.ComponentName == callee.ComponentName && d.LocalThresholdMilliseconds == callee.LocalThresholdMilliseconds).Field;
            if (index > 0 || descriptors.Length > 0)
            {
                code.Line();
            }

            WriteInterceptor(code, callee, sites, "Intercept" + index.ToString(CultureInfo.InvariantCulture), field,
                file.Alternatives.Where(a => a.Component == callee.ComponentName && callee.TypeArguments.Length == 0));
        }

        code.Close().Close();
        WriteAttributeDeclaration(code);
        return code.ToString();
    }

    private static void WriteInterceptor(CodeText code, CalleeModel callee, CallSiteModel[] sites, string name, string descriptor, IEnumerable<AlternativeModel> alternatives)
    {
        foreach (var site in sites)
        {
            code.Line($"[global::System.Runtime.CompilerServices.InterceptsLocation({site.LocationVersion.ToString(CultureInfo.InvariantCulture)}, \"{site.LocationData}\")] // {site.DisplayLocation}");
        }

        var parameters = new List<string>();
        if (callee.Receiver is not null)
        {
            parameters.Add($"this {callee.Receiver} @this");
        }

        parameters.AddRange(callee.Parameters.Select((p, i) => $"{p.Modifier}{p.Type} p{i.ToString(CultureInfo.InvariantCulture)}"));
        var arguments = string.Join(", ", callee.Parameters.Select((p, i) => $"{p.ArgumentModifier}p{i.ToString(CultureInfo.InvariantCulture)}"));
        var target = callee.Receiver is not null ? "@this" : callee.StaticTarget;
        var call = $"{target}.{callee.MethodName}{callee.TypeArguments}({arguments})";
        code.Open($"internal static {callee.ReturnType} {name}{callee.TypeParameters}({string.Join(", ", parameters)}){callee.Constraints}");
        var branches = DeploymentSwitch.Branches(alternatives, callee.Receiver is not null ? "@this" : null, callee.Receiver, arguments).ToList();
        WrapperBody.Write(code, callee, call, descriptor, branches);
        code.Close();
    }

    private static void WriteAttributeDeclaration(CodeText code) =>
        // A file-local copy per generated file cannot clash with other generators' copies; the
        // constructor discards its arguments (a primary constructor would raise CS9113 in user builds).
        code.Line()
            .Open("namespace System.Runtime.CompilerServices")
            .Line("[global::System.AttributeUsage(global::System.AttributeTargets.Method, AllowMultiple = true)]")
            .Open("file sealed class InterceptsLocationAttribute : global::System.Attribute")
            .Open("public InterceptsLocationAttribute(int version, string data)")
            .Line("_ = version;")
            .Line("_ = data;")
            .Close()
            .Close()
            .Close();
}
