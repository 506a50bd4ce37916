using System.Text;
using System.Text.Json;

namespace AiSprint.Model.Formats.Space4Ai;

/// <summary>
/// Writes a <see cref="SystemDescription"/> as SPACE4AI-D system JSON in the benchmark schema
/// (<c>Performance</c>, list <c>next</c>/<c>data_size</c>, memory per compatible resource,
/// <c>computationallayers</c>), which both public implementations' readers of that schema accept.
/// </summary>
public static class Space4AiSystemWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, IndentSize = 2 };

    /// <summary>The system_description.json text of <paramref name="system"/>.</summary>
    public static string Write(SystemDescription system) => Encoding.UTF8.GetString(WriteUtf8(system));

    /// <summary>Writes system_description.json to <paramref name="path"/> atomically.</summary>
    public static void WriteFile(SystemDescription system, string path) => AtomicFile.WriteAllBytes(path, WriteUtf8(system));

    /// <summary>The system_description.json text as UTF-8 bytes.</summary>
    public static byte[] WriteUtf8(SystemDescription system)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            WriteDag(writer, system);
            WriteComponents(writer, system);
            WriteNodeLayers(writer, "EdgeResources", system.Layers.Where(l => l.Kind == ResourceKind.EdgeDevice));
            WriteNodeLayers(writer, "CloudResources", system.Layers.Where(l => l.Kind == ResourceKind.VirtualMachine));
            WriteFaasLayers(writer, system.Layers.Where(l => l.Kind == ResourceKind.Faas));
            WriteCompatibility(writer, system);
            WritePerformance(writer, system);
            writer.WriteNumber("Lambda", system.Lambda.Value);
            WriteConstraints(writer, system);
            WriteNetwork(writer, system);
            writer.WriteNumber("Time", system.Time.Value);
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteDag(Utf8JsonWriter writer, SystemDescription system)
    {
        writer.WriteStartObject("DirectedAcyclicGraph");
        var sources = system.Dag.Select(e => e.From).Concat(system.Components.Select(c => c.Name)).Distinct();
        foreach (var source in sources)
        {
            var edges = system.Dag.Where(e => e.From == source).ToList();
            writer.WriteStartObject(source);
            writer.WriteStartArray("next");
            foreach (var edge in edges) writer.WriteStringValue(edge.To);
            writer.WriteEndArray();
            writer.WriteStartArray("transition_probability");
            foreach (var edge in edges) writer.WriteNumberValue(edge.Probability.Value);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void WriteComponents(Utf8JsonWriter writer, SystemDescription system)
    {
        writer.WriteStartObject("Components");
        foreach (var component in system.Components)
        {
            writer.WriteStartObject(component.Name);
            foreach (var deployment in component.Deployments)
            {
                writer.WriteStartObject(deployment.Name);
                foreach (var partition in deployment.Partitions)
                {
                    writer.WriteStartObject(partition.Name);
                    writer.WriteStartArray("next");
                    foreach (var output in partition.Outputs) writer.WriteStringValue(output.Target);
                    writer.WriteEndArray();
                    writer.WriteStartArray("data_size");
                    foreach (var output in partition.Outputs) writer.WriteNumberValue(output.Size.Value);
                    if (partition.Outputs.Count == 0 && partition.ResultSize is { } result) writer.WriteNumberValue(result.Value);
                    writer.WriteEndArray();
                    writer.WriteNumber("early_exit_probability", partition.EarlyExitProbability.Value);
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void WriteNodeLayers(Utf8JsonWriter writer, string section, IEnumerable<ComputationalLayer> layers)
    {
        writer.WriteStartObject(section);
        foreach (var layer in layers)
        {
            writer.WriteStartObject(layer.Name);
            foreach (var resource in layer.Resources.OfType<NodeResource>())
            {
                writer.WriteStartObject(resource.Name);
                if (resource.Description is not null) writer.WriteString("description", resource.Description);
                writer.WriteNumber("number", resource.MaxNodes);
                writer.WriteNumber("cost", resource.CostPerHour.Value);
                writer.WriteNumber("memory", resource.Memory.Value);
                if (resource.Cores is { } cores) writer.WriteNumber("n_cores", cores);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void WriteFaasLayers(Utf8JsonWriter writer, IEnumerable<ComputationalLayer> layers)
    {
        writer.WriteStartObject("FaaSResources");
        foreach (var layer in layers)
        {
            writer.WriteStartObject(layer.Name);
            var configurations = layer.Resources.OfType<FaasConfiguration>().ToList();
            foreach (var faas in configurations)
            {
                writer.WriteStartObject(faas.Name);
                if (faas.Description is not null) writer.WriteString("description", faas.Description);
                writer.WriteNumber("cost", faas.Cost.Value);
                writer.WriteNumber("memory", faas.Memory.Value);
                writer.WriteNumber("idle_time_before_kill", faas.IdleTimeBeforeKill.Value);
                writer.WriteEndObject();
            }
            // The format has one transition cost per layer; configurations of one layer share it.
            writer.WriteNumber("transition_cost", configurations.Count > 0 ? configurations[0].TransitionCost.Value : 0);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void WriteCompatibility(Utf8JsonWriter writer, SystemDescription system)
    {
        writer.WriteStartObject("CompatibilityMatrix");
        foreach (var component in system.Components)
        {
            writer.WriteStartObject(component.Name);
            foreach (var partition in component.AllPartitions)
            {
                writer.WriteStartArray(partition.Name);
                foreach (var candidate in partition.Candidates)
                {
                    writer.WriteStartObject();
                    writer.WriteString("resource", candidate.Resource);
                    if (candidate.Memory is { } memory) writer.WriteNumber("memory", memory.Value);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void WritePerformance(Utf8JsonWriter writer, SystemDescription system)
    {
        // A design without demands yet (converted from AI-SPRINT YAML before profiling) has no section.
        if (!system.Components.SelectMany(c => c.AllPartitions).SelectMany(p => p.Candidates).Any(c => c.Performance is not null)) return;
        writer.WriteStartObject("Performance");
        foreach (var component in system.Components)
        {
            writer.WriteStartObject(component.Name);
            foreach (var partition in component.AllPartitions)
            {
                writer.WriteStartObject(partition.Name);
                foreach (var candidate in partition.Candidates.Where(c => c.Performance is not null))
                {
                    writer.WriteStartObject(candidate.Resource);
                    WritePerformanceModel(writer, candidate.Performance!);
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void WritePerformanceModel(Utf8JsonWriter writer, PerformanceModel model)
    {
        writer.WriteString("model", model.ModelName);
        switch (model)
        {
            case QueueingDemand q:
                writer.WriteNumber("demand", q.Demand.Value);
                break;
            case FaasDemand f:
                writer.WriteNumber("demandWarm", f.Warm.Value);
                writer.WriteNumber("demandCold", f.Cold.Value);
                break;
            case ExternalPerformanceModel e:
                using (var parameters = JsonDocument.Parse(e.ParametersJson))
                {
                    foreach (var property in parameters.RootElement.EnumerateObject()) property.WriteTo(writer);
                }
                break;
        }
    }

    private static void WriteConstraints(Utf8JsonWriter writer, SystemDescription system)
    {
        writer.WriteStartObject("LocalConstraints");
        foreach (var constraint in system.LocalConstraints)
        {
            writer.WriteStartObject(constraint.Component);
            writer.WriteNumber("local_res_time", constraint.MaxResponseTime.Value);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
        writer.WriteStartObject("GlobalConstraints");
        foreach (var constraint in system.GlobalConstraints)
        {
            writer.WriteStartObject(constraint.Name);
            writer.WriteStartArray("components");
            foreach (var component in constraint.Path) writer.WriteStringValue(component);
            writer.WriteEndArray();
            writer.WriteNumber("global_res_time", constraint.MaxResponseTime.Value);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    private static void WriteNetwork(Utf8JsonWriter writer, SystemDescription system)
    {
        writer.WriteStartObject("NetworkTechnology");
        foreach (var domain in system.NetworkDomains)
        {
            writer.WriteStartObject(domain.Id);
            writer.WriteStartArray("computationallayers");
            foreach (var layer in domain.Layers) writer.WriteStringValue(layer);
            writer.WriteEndArray();
            writer.WriteNumber("AccessDelay", domain.AccessDelay.Value);
            writer.WriteNumber("Bandwidth", domain.Bandwidth.MegabytesPerSecond);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }
}
