using System;
using System.Linq;
using AiSprint.Contract;
using AiSprint.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace AiSprint.Generators.Emit;

/// <summary>
/// Writes the design document (<see cref="DesignSchema"/>: the field names the build reads back) and the source that
/// embeds it once, as the assembly metadata <see cref="DesignSchema.MetadataKey"/>, which a build reads through
/// System.Reflection.Metadata without loading the assembly. Each threshold is written once, in its constraint.
/// </summary>
internal static class DesignDocumentEmitter
{
    public const string HintName = "AiSprintDesign.g.cs";

    public static string Json(string assemblyName, EquatableArray<ComponentModel> components,
        EquatableArray<AlternativeModel> alternatives = default, ApplicationMetricModel? metric = null)
    {
        // Sorted so the document does not depend on the order of files in the compilation.
        var ordered = components.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Method, StringComparer.Ordinal).ToArray();
        var entryPoints = GeneratedNames.EntryPoints(ordered);
        var json = new JsonText();
        json.StartObject();
        json.String(DesignSchema.Schema, DesignSchema.SchemaName);
        json.String(DesignSchema.Assembly, assemblyName);

        json.StartArray(DesignSchema.Components);
        foreach (var component in ordered)
        {
            WriteComponent(json, component, entryPoints);
        }

        json.EndArray();

        json.StartArray(DesignSchema.Dag);
        foreach (var component in ordered)
        {
            foreach (var successor in component.Successors)
            {
                json.StartObject();
                json.String(DesignSchema.From, component.Name);
                json.String(DesignSchema.To, successor.Component);
                json.Number(DesignSchema.Probability, successor.Probability);
                json.Number(DesignSchema.DataSizeMb, successor.DataSizeMegabytes);
                json.EndObject();
            }
        }

        json.EndArray();

        json.StartArray(DesignSchema.LocalConstraints);
        foreach (var component in ordered.Where(c => c.LocalThresholdMilliseconds is not null))
        {
            json.StartObject();
            json.String(DesignSchema.Component, component.Name);
            json.Number(DesignSchema.ThresholdMs, component.LocalThresholdMilliseconds);
            json.EndObject();
        }

        json.EndArray();

        json.StartArray(DesignSchema.GlobalConstraints);
        foreach (var (component, constraint) in ordered
            .SelectMany(c => c.GlobalConstraints.Select(g => (c, g)))
            .OrderBy(p => p.g.PathName, StringComparer.Ordinal))
        {
            json.StartObject();
            json.String(DesignSchema.Name, constraint.PathName);
            json.StartArray(DesignSchema.Path);
            foreach (var previous in constraint.PreviousComponents)
            {
                json.String(null, previous);
            }

            json.String(null, component.Name);
            json.EndArray();
            json.Number(DesignSchema.ThresholdMs, constraint.ThresholdMilliseconds);
            json.EndObject();
        }

        json.EndArray();

        // Added fields (issue 15), written only when the application has alternatives or a metric, so documents
        // without them stay byte-identical.
        if (alternatives.Count > 0)
        {
            json.StartArray(DesignSchema.Alternatives);
            foreach (var alternative in alternatives.OrderBy(a => a.Component, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Method, StringComparer.Ordinal))
            {
                json.StartObject();
                json.String(DesignSchema.Component, alternative.Component);
                json.String(DesignSchema.Name, alternative.Name);
                json.String(DesignSchema.Method, alternative.Method);
                json.StartObject(DesignSchema.Location);
                json.String(DesignSchema.File, alternative.Location.FilePath);
                json.Number(DesignSchema.Line, alternative.Location.Line);
                json.Number(DesignSchema.Column, alternative.Location.Column);
                json.EndObject();
                json.EndObject();
            }

            json.EndArray();
        }

        if (metric is not null)
        {
            json.StartObject(DesignSchema.ApplicationMetric);
            json.String(DesignSchema.MetricName, metric.Metric);
            json.Number(DesignSchema.MetricThreshold, metric.Threshold > 0 ? metric.Threshold : null);
            json.EndObject();
        }

        json.EndObject();
        return json.ToString();
    }

    public static string Source(string json)
    {
        // The literal is written straight into the source (it is megabytes for thousands of components).
        return new CodeText((json.Length * 5 / 4) + 512)
            .Line(GeneratedCode.Header)
            .LineWithLiteral($"[assembly: global::System.Reflection.AssemblyMetadataAttribute(\"{DesignSchema.MetadataKey}\", ", json, ")]")
            .ToString();
    }

    private static void WriteComponent(JsonText json, ComponentModel component, System.Collections.Generic.Dictionary<string, string> entryPoints)
    {
        json.StartObject();
        json.String(DesignSchema.Name, component.Name);
        json.String(DesignSchema.Method, component.Method);
        json.StartObject(DesignSchema.Location);
        json.String(DesignSchema.File, component.Location.FilePath);
        json.Number(DesignSchema.Line, component.Location.Line);
        json.Number(DesignSchema.Column, component.Location.Column);
        json.EndObject();
        if (component.Security is { } security)
        {
            json.StartObject(DesignSchema.Security);
            json.Boolean(DesignSchema.TrustedExecution, security.TrustedExecution);
            json.Boolean(DesignSchema.NetworkShield, security.NetworkShield);
            json.Boolean(DesignSchema.FilesystemShield, security.FilesystemShield);
            json.EndObject();
        }
        else
        {
            json.Null(DesignSchema.Security);
        }

        if (component.Partitionable is { } partitionable)
        {
            json.StartObject(DesignSchema.Partitionable);
            json.String(DesignSchema.OnnxPath, partitionable.OnnxPath);
            json.Number(DesignSchema.MaxPartitions, partitionable.MaxPartitions);
            json.EndObject();
        }
        else
        {
            json.Null(DesignSchema.Partitionable);
        }

        json.Number(DesignSchema.ExpectedRequestsPerSecond, component.ExpectedRequestsPerSecond);
        if (component.DeviceConstraints is { } device)
        {
            json.StartObject(DesignSchema.DeviceConstraints);
            json.Number(DesignSchema.RamMb, device.RamMegabytes);
            json.Number(DesignSchema.VramMb, device.VramMegabytes);
            json.StartArray(DesignSchema.UseGpuFor);
            foreach (var framework in device.UseGpuFor)
            {
                json.String(null, framework);
            }

            json.EndArray();
            json.EndObject();
        }
        else
        {
            json.Null(DesignSchema.DeviceConstraints);
        }

        // Added after the first schema release (fields are only ever added): the generated method a host
        // (a FaaS handler, a Lambda-style runtime) calls to run this component timed; null when there is none.
        json.String(DesignSchema.EntryPoint, component.EntryPoint is not null && entryPoints.TryGetValue(component.Name, out var entryPoint)
            ? GeneratedNames.ComponentsClassFullName + "." + entryPoint
            : null);
        // Added with early exits (issue 15): written only for [EarlyExits] components, so other documents are unchanged.
        if (component.EarlyExits is { } earlyExits)
        {
            json.StartObject(DesignSchema.EarlyExits);
            json.String(DesignSchema.OnnxPath, earlyExits.OnnxPath);
            json.String(DesignSchema.ExitsFile, earlyExits.ExitsFile);
            json.String(DesignSchema.ConditionMethod, earlyExits.ConditionMethod);
            json.StartArray(DesignSchema.TransitionProbabilities);
            foreach (var probability in earlyExits.TransitionProbabilities)
            {
                json.Number(null, double.IsNaN(probability) || double.IsInfinity(probability) ? null : probability);
            }

            json.EndArray();
            json.EndObject();
        }

        json.EndObject();
    }
}
