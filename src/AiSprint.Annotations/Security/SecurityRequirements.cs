using System;

namespace AiSprint.Annotations;

/// <summary>The security requirements a component's container may demand; combine with <c>|</c>.</summary>
[Flags]
public enum SecurityRequirements
{
    /// <summary>No requirement.</summary>
    None = AiSprint.Contract.AnnotationContract.NoSecurity,

    /// <summary>Run inside a trusted execution environment (SGX, or secure and measured boot as the fallback).</summary>
    TrustedExecution = AiSprint.Contract.AnnotationContract.TrustedExecution,

    /// <summary>Protect the component's network traffic.</summary>
    NetworkShield = AiSprint.Contract.AnnotationContract.NetworkShield,

    /// <summary>Protect the component's file system.</summary>
    FilesystemShield = AiSprint.Contract.AnnotationContract.FilesystemShield,
}
