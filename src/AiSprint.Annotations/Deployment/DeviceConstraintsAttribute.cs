using System;

namespace AiSprint.Annotations;

/// <summary>
/// Declares what a resource must offer to host the component, e.g.
/// <c>[DeviceConstraints(RamMb = 1024, VramMb = 2048, UseGpuFor = new[] { "onnxruntime" })]</c>.
/// Properties left unset impose nothing.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DeviceConstraintsAttribute : Attribute
{
    /// <summary>The main memory the component needs, in megabytes; 0 when unconstrained.</summary>
    public double RamMb { get; set; }

    /// <summary>The GPU memory the component needs, in megabytes; 0 when unconstrained.</summary>
    public double VramMb { get; set; }

    /// <summary>The frameworks (e.g. <c>onnxruntime</c>) that must run on a GPU; empty when no GPU is needed.</summary>
    public string[] UseGpuFor { get; set; } = Array.Empty<string>();
}
