using AiSprint.Model.Formats.Design;

namespace AiSprint.Model.Tests.Formats.Design;

public class DesignMetadataReaderTests
{
    [Fact]
    public void The_json_of_the_assembly_metadata_attribute_is_returned_verbatim()
    {
        var assembly = DesignAssembly.Emit(DesignSamples.WindFarmJson);
        var json = DesignMetadataReader.ReadJson(assembly);
        Assert.Equal(DesignSamples.WindFarmJson, json);
        Assert.True(DesignDocumentJson.Parse(json!, assembly).Succeeded);
    }

    [Fact]
    public void Unicode_quotes_and_newlines_survive_the_round_trip()
    {
        const string text = "{\"schema\":\"aisprint-design/1\",\"assembly\":\"Ünïcødé \\\"quoted\\\"\"}\r\n\ttab";
        Assert.Equal(text, DesignMetadataReader.ReadJson(DesignAssembly.Emit(text)));
    }

    [Fact]
    public void An_assembly_without_a_design_document_gives_null()
    {
        // It still has another AssemblyMetadata attribute, and the compiler's own assembly attributes.
        Assert.Null(DesignMetadataReader.ReadJson(DesignAssembly.Emit(designJson: null)));
    }

    [Fact]
    public void A_look_alike_attribute_of_another_namespace_is_not_read()
    {
        var assembly = DesignAssembly.Emit(designJson: null, extraSource: """
            [assembly: Fake.AssemblyMetadata("AiSprint.Design", "{}")]
            namespace Fake { [System.AttributeUsage(System.AttributeTargets.Assembly)] public sealed class AssemblyMetadataAttribute(string key, string value) : System.Attribute { public string Key => key; public string Value => value; } }
            """);
        Assert.Null(DesignMetadataReader.ReadJson(assembly));
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_throws_BadImageFormatException()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("aisprint-assembly-").FullName, "design.json");
        File.WriteAllText(path, DesignSamples.WindFarmJson);
        Assert.Throws<BadImageFormatException>(() => DesignMetadataReader.ReadJson(path));
    }

    [Fact]
    public void A_missing_file_throws_an_IOException()
    {
        Assert.ThrowsAny<IOException>(() => DesignMetadataReader.ReadJson("/nonexistent/Annotated.dll"));
    }
}
