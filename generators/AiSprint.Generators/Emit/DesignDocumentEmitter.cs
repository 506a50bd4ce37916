using System;
using System.Linq;
using AiSprint.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace AiSprint.Generators.Emit;

/// <summary>
/// Writes the design document (schema <c>aisprint-design/1</c>) and the source that embeds it
/// twice: as <c>AiSprint.Generated.AiSprintDesign.Json</c> for code, and as the assembly metadata
/// <c>AiSprint.Design</c>, which a build reads through System.Reflection.Metadata without loading the assembly.
/// </summary>
internal static class DesignDocumentEmitter
{
    public const string MetadataKey = "AiSprint.Design";
    public const string HintName = "AiSprintDesign.g.cs";

    public static string Json(string assemblyName, EquatableArray<ComponentModel> components)
    {
        // Sorted so the document does not depend on the order of files in the compilation.
        var ordered = components.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Method, StringComparer.Ordinal).ToArray();
        var entryPoints = GeneratedNames.EntryPoints(ordered);
        var json = new JsonText();
        json.StartObject();
        json.String("schema", "aisprint-design/1");
        json.String("assembly", assemblyName);

        json.StartArray("components");
        foreach (var component in ordered)
        {
            WriteComponent(json, component, entryPoints);
        }

        json.EndArray();

        json.StartArray("dag");
        foreach (var component in ordered)
        {
            foreach (var successor in component.Successors)
            {
                json.StartObject();
                json.String("from", component.Name);
                json.String("to", successor.Component);
                json.Number("probability", successor.Probability);
                json.Number("dataSizeMb", successor.DataSizeMegabytes);
                json.EndObject();
            }
        }

        json.EndArray();

        json.StartArray("localConstraints");
        foreach (var component in ordered.Where(c => c.LocalThresholdMilliseconds is not null))
        {
            json.StartObject();
            json.String("component", component.Name);
            json.Number("thresholdMs", component.LocalThresholdMilliseconds);
            json.EndObject();
        }

        json.EndArray();

        json.StartArray("globalConstraints");
        foreach (var (component, constraint) in ordered
            .SelectMany(c => c.GlobalConstraints.Select(g => (c, g)))
            .OrderBy(p => p.g.PathName, StringComparer.Ordinal))
        {
            json.StartObject();
            json.String("name", constraint.PathName);
            json.StartArray("path");
            foreach (var previous in constraint.PreviousComponents)
            {
                json.String(null, previous);
            }

            json.String(null, component.Name);
            json.EndArray();
            json.Number("thresholdMs", constraint.ThresholdMilliseconds);
            json.EndObject();
        }

        json.EndArray();
        json.EndObject();
        return json.ToString();
    }

    public static string Source(string json)
    {
        // The document is embedded twice; its literal is written straight into the source (it is megabytes for thousands of components).
        return new CodeText((json.Length * 5 / 2) + 1024)
            .Line(GeneratedCode.Header)
            .LineWithLiteral($"[assembly: global::System.Reflection.AssemblyMetadataAttribute(\"{MetadataKey}\", ", json, ")]")
            .Line()
            .Open("namespace AiSprint.Generated")
            .Line("/// <summary>The AiSprint design document of this assembly, as the generator read it from the annotations.</summary>")
            .Line(GeneratedCode.Attribute)
            .Open("internal static class AiSprintDesign")
            .Line("/// <summary>The design document, JSON of schema <c>aisprint-design/1</c>.</summary>")
            .LineWithLiteral("public const string Json = ", json, ";")
            .Close()
            .Close()
            .ToString();
    }

    private static void WriteComponent(JsonText json, ComponentModel component, System.Collections.Generic.Dictionary<string, string> entryPoints)
    {
        json.StartObject();
        json.String("name", component.Name);
        json.String("method", component.Method);
        json.StartObject("location");
        json.String("file", component.Location.FilePath);
        json.Number("line", component.Location.Line);
        json.Number("column", component.Location.Column);
        json.EndObject();
        json.Number("localThresholdMs", component.LocalThresholdMilliseconds);
        if (component.Security is { } security)
        {
            json.StartObject("security");
            json.Boolean("trustedExecution", security.TrustedExecution);
            json.Boolean("networkShield", security.NetworkShield);
            json.Boolean("filesystemShield", security.FilesystemShield);
            json.EndObject();
        }
        else
        {
            json.Null("security");
        }

        if (component.Partitionable is { } partitionable)
        {
            json.StartObject("partitionable");
            json.String("onnxPath", partitionable.OnnxPath);
            json.Number("maxPartitions", partitionable.MaxPartitions);
            json.EndObject();
        }
        else
        {
            json.Null("partitionable");
        }

        json.Number("expectedRequestsPerSecond", component.ExpectedRequestsPerSecond);
        if (component.DeviceConstraints is { } device)
        {
            json.StartObject("deviceConstraints");
            json.Number("ramMb", device.RamMegabytes);
            json.Number("vramMb", device.VramMegabytes);
            json.StartArray("useGpuFor");
            foreach (var framework in device.UseGpuFor)
            {
                json.String(null, framework);
            }

            json.EndArray();
            json.EndObject();
        }
        else
        {
            json.Null("deviceConstraints");
        }

        // Added after the first schema release (fields are only ever added): the generated method a host
        // (a FaaS handler, a Lambda-style runtime) calls to run this component timed; null when there is none.
        json.String("entryPoint", component.EntryPoint is not null && entryPoints.TryGetValue(component.Name, out var entryPoint)
            ? GeneratedNames.ComponentsClassFullName + "." + entryPoint
            : null);
        json.EndObject();
    }
}
