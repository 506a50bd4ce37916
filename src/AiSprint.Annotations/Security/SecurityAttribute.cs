using System;

namespace AiSprint.Annotations;

/// <summary>Declares the security requirements of a component, e.g. <c>[Security(SecurityRequirements.TrustedExecution | SecurityRequirements.NetworkShield)]</c>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class SecurityAttribute : Attribute
{
    /// <summary>Declares the requirements.</summary>
    /// <param name="requirements">The requirements the component's container must meet.</param>
    public SecurityAttribute(SecurityRequirements requirements) => Requirements = requirements;

    /// <summary>The requirements the component's container must meet.</summary>
    public SecurityRequirements Requirements { get; }
}
