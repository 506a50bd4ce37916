using AiSprint.Telemetry;

namespace AiSprint.Telemetry.Tests.Identity;

public sealed class DeploymentIdentityTests
{
    [Fact]
    public void The_aisprint_variables_name_the_deployment_and_the_resource()
    {
        var identity = Read(new() { ["AISPRINT_DEPLOYMENT"] = "production-2", ["AISPRINT_RESOURCE"] = "VM2", ["OTEL_RESOURCE_ATTRIBUTES"] = "service.instance.id=other" });

        Assert.Equal("production-2", identity.Deployment);
        Assert.Equal("VM2", identity.Resource);
    }

    [Fact]
    public void OpenTelemetry_resource_attributes_fill_in_what_the_aisprint_variables_leave_out()
    {
        var identity = Read(new() { ["OTEL_RESOURCE_ATTRIBUTES"] = "service.name=masks, deployment.environment.name=edge%20lab,service.instance.id=jetson-7" });

        Assert.Equal("edge lab", identity.Deployment);
        Assert.Equal("jetson-7", identity.Resource);
    }

    [Fact]
    public void Without_configuration_there_is_no_identity_and_no_identity_tag()
    {
        var identity = Read(new() { ["AISPRINT_DEPLOYMENT"] = "  " });

        Assert.Null(identity.Deployment);
        Assert.Null(identity.Resource);
        Assert.Single(identity.Append(new KeyValuePair<string, object?>("component", "c")));
    }

    [Fact]
    public void Identity_tags_follow_the_measurements_own_tag()
    {
        var tags = Read(new() { ["AISPRINT_DEPLOYMENT"] = "d1", ["AISPRINT_RESOURCE"] = "r1" })
            .Append(new KeyValuePair<string, object?>("component", "c"));

        Assert.Equal(["component=c", "deployment=d1", "resource=r1"], tags.Select(t => $"{t.Key}={t.Value}"));
    }

    private static DeploymentIdentity Read(Dictionary<string, string> variables) =>
        DeploymentIdentity.Read(name => variables.TryGetValue(name, out var value) ? value : null);
}
