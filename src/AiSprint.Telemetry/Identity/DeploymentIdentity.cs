namespace AiSprint.Telemetry;

/// <summary>
/// Which deployment and which resource this process is, as configuration tells it: read once,
/// at the first timed call, and added as the tags <c>deployment</c> and <c>resource</c> to every
/// duration the process records, so one Prometheus series per placement can be told apart.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>deployment</c>: <c>AISPRINT_DEPLOYMENT</c>; else <c>deployment.environment.name</c> (or the older
/// <c>deployment.environment</c>) in <c>OTEL_RESOURCE_ATTRIBUTES</c>.</item>
/// <item><c>resource</c>: <c>AISPRINT_RESOURCE</c>; else <c>service.instance.id</c>, then <c>host.name</c>, in <c>OTEL_RESOURCE_ATTRIBUTES</c>.</item>
/// </list>
/// A value that is missing or blank leaves its tag out. Values are read once because the tag arrays
/// are prepared once per component: changing the variables after the first call has no effect.
/// </remarks>
public sealed class DeploymentIdentity
{
    /// <summary>The variable naming the deployment.</summary>
    public const string DeploymentVariable = "AISPRINT_DEPLOYMENT";

    /// <summary>The variable naming the resource.</summary>
    public const string ResourceVariable = "AISPRINT_RESOURCE";

    /// <summary>The OpenTelemetry SDK's variable of <c>key=value,key=value</c> resource attributes.</summary>
    public const string OpenTelemetryResourceVariable = "OTEL_RESOURCE_ATTRIBUTES";

    private static readonly Lazy<DeploymentIdentity> FromProcess = new(() => Read(Environment.GetEnvironmentVariable));

    private DeploymentIdentity(string? deployment, string? resource)
    {
        Deployment = deployment;
        Resource = resource;
    }

    /// <summary>This process's identity, read from its environment on first use.</summary>
    public static DeploymentIdentity Current => FromProcess.Value;

    /// <summary>The deployment's name, or <see langword="null"/> when none is configured.</summary>
    public string? Deployment { get; }

    /// <summary>The resource's name, or <see langword="null"/> when none is configured.</summary>
    public string? Resource { get; }

    /// <summary>Reads an identity through <paramref name="variable"/> (an environment lookup).</summary>
    public static DeploymentIdentity Read(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var attributes = ParseResourceAttributes(variable(OpenTelemetryResourceVariable));
        return new DeploymentIdentity(
            FirstValue(variable(DeploymentVariable), attributes, "deployment.environment.name", "deployment.environment"),
            FirstValue(variable(ResourceVariable), attributes, "service.instance.id", "host.name"));
    }

    /// <summary>
    /// <paramref name="own"/> followed by the identity tags that are configured: an array built once and
    /// handed to every measurement, so recording allocates nothing.
    /// </summary>
    internal KeyValuePair<string, object?>[] Append(KeyValuePair<string, object?> own)
    {
        var tags = new List<KeyValuePair<string, object?>>(3) { own };
        if (Deployment is not null)
        {
            tags.Add(new(AiSprintInstruments.DeploymentTag, Deployment));
        }

        if (Resource is not null)
        {
            tags.Add(new(AiSprintInstruments.ResourceTag, Resource));
        }

        return [.. tags];
    }

    private static string? FirstValue(string? explicitValue, Dictionary<string, string> attributes, params string[] keys)
    {
        if (!string.IsNullOrWhiteSpace(explicitValue))
        {
            return explicitValue.Trim();
        }

        foreach (var key in keys)
        {
            if (attributes.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value;
            }
        }

        return null;
    }

    // The OpenTelemetry specification's format: comma-separated key=value pairs, values percent-encoded.
    private static Dictionary<string, string> ParseResourceAttributes(string? text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                attributes[pair[..equals].Trim()] = Uri.UnescapeDataString(pair[(equals + 1)..].Trim());
            }
        }

        return attributes;
    }
}
