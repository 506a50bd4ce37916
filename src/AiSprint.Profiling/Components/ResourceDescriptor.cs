using System.Runtime.InteropServices;
using AiSprint.Model;

namespace AiSprint.Profiling.Components;

/// <summary>
/// The resource a profile was taken on, as dataset columns: its name, memory and processor; the core count is
/// the one each profiling process was restricted to. The same descriptors of a candidate resource that was
/// never profiled let the model predict its demand (the OSCAR-P "unseen configuration").
/// </summary>
public sealed record ResourceDescriptor(string Name, double MemoryMegabytes, string Processor, int? Cores)
{
    /// <summary>A candidate resource of <c>candidate_resources.yaml</c>; its cores are the sum of its processors' computing units.</summary>
    public static ResourceDescriptor From(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var node = resource as NodeResource;
        var processors = node?.Processors ?? ValueList<Processor>.Empty;
        var cores = node?.Cores ?? (processors.Count > 0 ? (int)Math.Round(processors.Sum(p => p.ComputingUnits)) : null);
        var processor = processors.Count > 0 ? processors[0].Name ?? processors[0].Type ?? processors[0].Key : resource.Kind.ToString();
        return new ResourceDescriptor(resource.Name, resource.Memory.Value, processor, cores);
    }

    /// <summary>This machine, when no candidate resource is named: its memory and architecture.</summary>
    public static ResourceDescriptor ThisMachine() => new(
        "local",
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024.0)),
        RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(),
        Environment.ProcessorCount);
}
