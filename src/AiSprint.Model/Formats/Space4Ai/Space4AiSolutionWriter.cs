using System.Globalization;
using System.Text;
using System.Text.Json;
using AiSprint.Model.Units;

namespace AiSprint.Model.Formats.Space4Ai;

/// <summary>Writes a <see cref="Solution"/> in either layout of placement-model.md §7.</summary>
public static class Space4AiSolutionWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, IndentSize = 2 };

    /// <summary>The JSON text of <paramref name="solution"/> in <paramref name="format"/>'s layout.</summary>
    public static string Write(Solution solution, SolutionFormat format = SolutionFormat.Python) =>
        Encoding.UTF8.GetString(WriteUtf8(solution, format));

    /// <summary>Writes the solution JSON to <paramref name="path"/> atomically.</summary>
    public static void WriteFile(Solution solution, string path, SolutionFormat format = SolutionFormat.Python) =>
        AtomicFile.WriteAllBytes(path, WriteUtf8(solution, format));

    /// <summary>The solution JSON as UTF-8 bytes.</summary>
    public static byte[] WriteUtf8(Solution solution, SolutionFormat format)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            if (solution.Lambda is { } lambda) writer.WriteNumber("Lambda", lambda.Value);
            writer.WriteStartObject("components");
            foreach (var component in solution.Components) WriteComponent(writer, component, format);
            writer.WriteEndObject();
            writer.WriteStartObject("global_constraints");
            foreach (var path in solution.Paths) WritePath(writer, path, format);
            writer.WriteEndObject();
            if (solution.TotalCost is { } cost)
            {
                if (format == SolutionFormat.Python) writer.WriteString("total_cost", cost.Value.ToString("R", CultureInfo.InvariantCulture));
                else writer.WriteNumber("total_cost", cost.Value);
            }
            if (solution.Feasible is { } feasible) writer.WriteBoolean("feasible", feasible);
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteComponent(Utf8JsonWriter writer, ComponentPlacement component, SolutionFormat format)
    {
        writer.WriteStartObject(component.Component);
        var withDeployment = format == SolutionFormat.Python && component.Deployment is not null;
        if (withDeployment) writer.WriteStartObject(component.Deployment!);
        foreach (var partition in component.Partitions) WritePartition(writer, partition, format);
        if (withDeployment) writer.WriteEndObject();
        if (component.ResponseTime is { } time) WriteTime(writer, "response_time", time, format);
        if (component.Threshold is { } threshold) WriteTime(writer, "response_time_threshold", threshold, format);
        writer.WriteEndObject();
    }

    private static void WritePartition(Utf8JsonWriter writer, PartitionPlacement partition, SolutionFormat format)
    {
        writer.WriteStartObject(partition.Partition);
        writer.WriteStartObject(partition.Layer);
        writer.WriteStartObject(partition.Resource);
        var snapshot = partition.Snapshot ?? new ResourceSnapshot(null, Money.Zero, Megabytes.Zero);
        writer.WriteString("description", snapshot.Description ?? "No description");
        writer.WriteNumber("cost", snapshot.Cost.Value);
        writer.WriteNumber("memory", snapshot.Memory.Value);
        if (partition.Replicas is { } replicas) writer.WriteNumber("number", replicas);
        if (snapshot.IdleTimeBeforeKill is { } idle) writer.WriteNumber("idle_time_before_kill", idle.Value);
        if (snapshot.TransitionCost is { } transition) writer.WriteNumber("transition_cost", transition.Value);
        writer.WriteEndObject();
        writer.WriteEndObject();
        if (partition.ResponseTime is { } time) WriteTime(writer, "response_time", time, format);
        writer.WriteEndObject();
    }

    private static void WritePath(Utf8JsonWriter writer, PathResult path, SolutionFormat format)
    {
        writer.WriteStartObject(path.Name);
        writer.WriteStartArray("components");
        foreach (var component in path.Components) writer.WriteStringValue(component);
        writer.WriteEndArray();
        WriteTime(writer, format == SolutionFormat.Python ? "global_res_time" : "path_response_time_threshold", path.Threshold, format);
        if (path.ResponseTime is { } time) WriteTime(writer, "path_response_time", time, format);
        writer.WriteEndObject();
    }

    /// <summary>Infinite or negative times are "inf" in Python files and null in C++ files.</summary>
    private static void WriteTime(Utf8JsonWriter writer, string name, Seconds time, SolutionFormat format)
    {
        if (time.IsFinite && time.Value >= 0) writer.WriteNumber(name, time.Value);
        else if (format == SolutionFormat.Python) writer.WriteString(name, "inf");
        else writer.WriteNull(name);
    }
}
