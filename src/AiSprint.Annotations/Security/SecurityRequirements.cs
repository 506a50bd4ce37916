using System;

namespace AiSprint.Annotations;

/// <summary>The security requirements a component's container may demand; combine with <c>|</c>.</summary>
[Flags]
public enum SecurityRequirements
{
    /// <summary>No requirement.</summary>
    None = 0,

    /// <summary>Run inside a trusted execution environment (SGX, or secure and measured boot as the fallback).</summary>
    TrustedExecution = 1,

    /// <summary>Protect the component's network traffic.</summary>
    NetworkShield = 2,

    /// <summary>Protect the component's file system.</summary>
    FilesystemShield = 4,
}
