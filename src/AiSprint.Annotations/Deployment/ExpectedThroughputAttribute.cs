using System;

namespace AiSprint.Annotations;

/// <summary>Declares the request rate the component is expected to sustain (the placement engine's arrival rate).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ExpectedThroughputAttribute : Attribute
{
    /// <summary>Declares the expected throughput.</summary>
    /// <param name="requestsPerSecond">Requests per second; must be positive.</param>
    public ExpectedThroughputAttribute(double requestsPerSecond) => RequestsPerSecond = requestsPerSecond;

    /// <summary>Requests per second.</summary>
    public double RequestsPerSecond { get; }
}
