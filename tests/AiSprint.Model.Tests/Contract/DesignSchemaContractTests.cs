using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using AiSprint.Contract;
using AiSprint.Model.Formats.Design;
using AiSprint.Tests;

namespace AiSprint.Model.Tests.Contract;

/// <summary>
/// The design document written by the generator (its snapshot outputs, checked in) is read by the build's reader:
/// every field the generator writes is a DesignSchema name the reader binds, and each threshold is written once.
/// </summary>
public sealed partial class DesignSchemaContractTests
{
    public static TheoryData<string> Snapshots()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, "tests", "AiSprint.Generators.Tests", "Snapshots"), "AiSprintDesign.g.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(TestProjectDirectoryAttribute.RepositoryRoot, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void The_build_reads_every_document_the_generator_writes(string snapshot)
    {
        var json = DocumentOf(snapshot);
        var read = DesignDocumentJson.Parse(json, snapshot);
        Assert.Empty(read.Diagnostics);
        Assert.Equal(DesignSchema.SchemaName, read.Value!.Schema);
        Assert.NotEmpty(read.Value.Components);
    }

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void Every_field_the_generator_writes_is_a_schema_name(string snapshot)
    {
        var names = typeof(DesignSchema).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name is not (nameof(DesignSchema.SchemaName) or nameof(DesignSchema.MetadataKey)))
            .Select(f => (string)f.GetValue(null)!)
            .ToHashSet(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(DocumentOf(snapshot));
        foreach (var property in PropertyNames(document.RootElement))
        {
            Assert.True(names.Contains(property), $"the generator writes '{property}', which DesignSchema does not name");
        }
    }

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void A_threshold_is_written_once_and_the_document_once_per_assembly(string snapshot)
    {
        var source = File.ReadAllText(Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, snapshot));
        Assert.Single(Literal().Matches(source));
        Assert.DoesNotContain("localThresholdMs", source, StringComparison.Ordinal);
        Assert.DoesNotContain("const string Json", source, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_reads_the_alternatives_and_the_metric_the_generator_writes()
    {
        var snapshot = Path.Combine("tests", "AiSprint.Generators.Tests", "Snapshots", "Alternatives", "Expected", "AiSprintDesign.g.cs");
        var read = DesignDocumentJson.Parse(DocumentOf(snapshot), snapshot);
        Assert.Empty(read.Diagnostics);
        Assert.Equal(["blurry-faces-int8", "mask-detector-small", "notify-quiet"], read.Value!.Alternatives!.Select(a => a.Name));
        Assert.Equal("mask-detector", read.Value.Alternatives![1].Component);
        Assert.Equal(new DesignApplicationMetric("average_f1", 0.8), read.Value.ApplicationMetric);
    }

    [Fact]
    public void The_reader_binds_every_record_property_to_a_schema_name()
    {
        var names = typeof(DesignSchema).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.GetValue(null)).OfType<string>().ToHashSet();
        Type[] records = [typeof(DesignDocument), typeof(DesignComponent), typeof(DesignLocation), typeof(DesignSecurity), typeof(DesignPartitionable),
            typeof(DesignDeviceConstraints), typeof(DesignEdge), typeof(DesignLocalConstraint), typeof(DesignGlobalConstraint),
            typeof(DesignAlternative), typeof(DesignApplicationMetric)];
        foreach (var property in records.SelectMany(t => t.GetProperties()).Where(p => p.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is null))
        {
            var name = property.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name;
            Assert.True(name is not null && names.Contains(name), $"{property.DeclaringType!.Name}.{property.Name} is not bound to a DesignSchema name");
        }
    }

    private static string DocumentOf(string snapshot)
    {
        var source = File.ReadAllText(Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, snapshot));
        var literal = Assert.Single(Literal().Matches(source)).Groups["json"].Value;
        return JsonSerializer.Deserialize<string>("\"" + literal + "\"")!;
    }

    private static IEnumerable<string> PropertyNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => PropertyNames(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(PropertyNames),
        _ => [],
    };

    [GeneratedRegex("""AssemblyMetadataAttribute\("AiSprint\.Design", "(?<json>(?:[^"\\]|\\.)*)"\)""")]
    private static partial Regex Literal();
}
