using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.Design;

namespace AiSprint.Model.Tests.Formats.Design;

public class DesignDocumentJsonTests
{
    [Fact]
    public void The_wind_farm_design_reads_with_every_annotation()
    {
        var read = DesignDocumentJson.Parse(DesignSamples.WindFarmJson, "design.json");
        Assert.Empty(read.Diagnostics);
        var design = read.Value!;
        Assert.Equal(DesignDocument.SchemaName, design.Schema);
        Assert.Equal("WindFarm", design.Assembly);
        Assert.Equal(["blade-detector", "capture", "defect-classifier", "defect-segmenter", "report"], design.Components.Select(c => c.Name));

        var capture = design.Find("capture")!;
        Assert.Equal("WindFarm.Inspection.Capture", capture.Method);
        Assert.Equal(new DesignLocation(DesignSamples.Source, 25, 25), capture.Location);
        Assert.Equal(0.25, capture.ExpectedRequestsPerSecond);
        Assert.Null(design.LocalThresholdMs("capture"));
        Assert.Equal(64, capture.DeviceConstraints!.RamMb);
        Assert.Empty(capture.DeviceConstraints.UseGpuFor!);

        var classifier = design.Find("defect-classifier")!;
        Assert.Equal(new DesignSecurity(TrustedExecution: true, NetworkShield: false, FilesystemShield: false), classifier.Security);
        Assert.True(classifier.Security!.Any);
        Assert.Equal(2500, design.LocalThresholdMs("report"));
        Assert.Null(design.Find("nowhere"));

        Assert.Equal(new DesignEdge("capture", "blade-detector", 0.9, 4.5), design.Dag[1]);
        Assert.Equal(new DesignLocalConstraint("report", 2500), Assert.Single(design.LocalConstraints));
        var path = Assert.Single(design.GlobalConstraints);
        Assert.Equal(("inspection", 3000.0), (path.Name, path.ThresholdMs));
        Assert.Equal(["capture", "blade-detector", "defect-segmenter", "defect-classifier"], path.Path);
    }

    [Fact]
    public void A_partitionable_component_keeps_its_model_path_and_piece_count()
    {
        var read = DesignDocumentJson.Parse("""
            { "schema": "aisprint-design/1", "components": [
              { "name": "mask-detector", "partitionable": { "onnxPath": "models/mask.onnx", "maxPartitions": 3 },
                "security": { "trustedExecution": false, "networkShield": true, "filesystemShield": true } } ] }
            """, "design.json");
        Assert.Empty(read.Diagnostics);
        var component = Assert.Single(read.Value!.Components);
        Assert.Equal(new DesignPartitionable("models/mask.onnx", 3), component.Partitionable);
        Assert.True(component.Security!.Any);
        Assert.Null(component.Location);
        Assert.Null(read.Value.Assembly);
    }

    [Fact]
    public void Fields_a_newer_generator_adds_are_ignored_and_missing_lists_are_empty()
    {
        var read = DesignDocumentJson.Parse("""
            {
              // a comment the reader skips
              "schema": "aisprint-design/1",
              "generator": { "version": "9.9.9" },
              "components": [ { "name": "capture", "colour": "blue", "expectedRequestsPerSecond": 2, "future": [1, 2, {"a": null}] } ]
            }
            """, "design.json");
        Assert.Empty(read.Diagnostics);
        var design = read.Value!;
        Assert.Equal(2, Assert.Single(design.Components).ExpectedRequestsPerSecond);
        Assert.Empty(design.Dag);
        Assert.Empty(design.LocalConstraints);
        Assert.Empty(design.GlobalConstraints);
    }

    [Theory]
    [InlineData("""{ "schema": "aisprint-design/2", "components": [] }""", "'aisprint-design/2'")]
    [InlineData("""{ "components": [] }""", "''")]
    [InlineData("null", "''")]
    public void A_document_of_another_schema_is_AIS0006_naming_both_schemas(string json, string found)
    {
        var read = DesignDocumentJson.Parse(json, "obj/design.json");
        Assert.Null(read.Value);
        Assert.False(read.Succeeded);
        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal("AIS0006", diagnostic.Code);
        Assert.True(diagnostic.IsError);
        Assert.Equal(SourceLocation.WholeFile("obj/design.json"), diagnostic.Location);
        Assert.Contains($"the design document's schema is {found}; expected 'aisprint-design/1'", diagnostic.Message);
    }

    [Fact]
    public void Malformed_json_is_AIS0002_at_the_line_and_column_where_the_parser_stopped()
    {
        // Line 3 lacks the comma after "WindFarm": the parser stops at the next property's quote, column 3.
        var read = DesignDocumentJson.Parse("{\n  \"schema\": \"aisprint-design/1\",\n  \"assembly\": \"WindFarm\"\n  \"components\": []\n}", "design.json");
        Assert.Null(read.Value);
        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal("AIS0002", diagnostic.Code);
        Assert.Equal(new SourceLocation("design.json", 4, 3), diagnostic.Location);
        Assert.StartsWith("not a design document: ", diagnostic.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_AIS0002_at_its_line()
    {
        var read = DesignDocumentJson.Parse("{\n  \"schema\": \"aisprint-design/1\",\n  \"components\": [ { \"name\": \"a\", \"expectedRequestsPerSecond\": \"fast\" } ]\n}", "design.json");
        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal("AIS0002", diagnostic.Code);
        Assert.Equal(3, diagnostic.Location.Line);
    }

    [Fact]
    public void Load_reads_a_file_and_reports_a_missing_one_as_AIS0001()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("aisprint-design-").FullName, "design.json");
        File.WriteAllText(path, DesignSamples.WindFarmJson);
        var loaded = DesignDocumentJson.Load(path);
        Assert.True(loaded.Succeeded);
        Assert.Equal(5, loaded.Value!.Components.Count);

        var missing = DesignDocumentJson.Load(path + ".missing");
        var diagnostic = Assert.Single(missing.Diagnostics);
        Assert.Equal("AIS0001", diagnostic.Code);
        Assert.Equal(SourceLocation.WholeFile(path + ".missing"), diagnostic.Location);
        Assert.Contains("cannot read the design document", diagnostic.Message);
    }
}

public class DesignDocumentJsonIncompleteTests
{
    [Theory]
    [InlineData("""{ "schema": "aisprint-design/1", "components": [ null ] }""", "components[0] has no name")]
    [InlineData("""{ "schema": "aisprint-design/1", "components": [ { "name": "a" }, { "expectedRequestsPerSecond": 1 } ] }""", "components[1] has no name")]
    [InlineData("""{ "schema": "aisprint-design/1", "components": [ { "name": "a" } ], "dag": [ null ] }""", "dag[0] needs 'from' and 'to'")]
    [InlineData("""{ "schema": "aisprint-design/1", "components": [ { "name": "a" } ], "dag": [ { "from": "a", "probability": 1 } ] }""", "dag[0] needs 'from' and 'to'")]
    [InlineData("""{ "schema": "aisprint-design/1", "components": [ { "name": "a" } ], "localConstraints": [ { "thresholdMs": 5 } ] }""", "localConstraints[0] has no component")]
    [InlineData("""{ "schema": "aisprint-design/1", "components": [ { "name": "a" } ], "globalConstraints": [ null ] }""", "globalConstraints[0] needs a name and a path of component names")]
    [InlineData("""{ "schema": "aisprint-design/1", "components": [ { "name": "a" } ], "globalConstraints": [ { "name": "p", "path": ["a", null], "thresholdMs": 5 } ] }""", "globalConstraints[0] needs a name and a path of component names")]
    public void Null_entries_and_missing_names_are_AIS0004_instead_of_a_later_crash(string json, string message)
    {
        var read = DesignDocumentJson.Parse(json, "design.json");
        Assert.Null(read.Value);
        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal(("AIS0004", SourceLocation.WholeFile("design.json")), (diagnostic.Code, diagnostic.Location));
        Assert.StartsWith(message + "; expected what the AiSprint generator writes", diagnostic.Message);
    }

    [Fact]
    public void A_path_without_its_list_is_an_empty_path_the_validator_reports()
    {
        var read = DesignDocumentJson.Parse("""{ "schema": "aisprint-design/1", "components": [ { "name": "a" } ], "globalConstraints": [ { "name": "p", "thresholdMs": 5 } ] }""", "design.json");
        Assert.Empty(read.Diagnostics);
        Assert.Empty(Assert.Single(read.Value!.GlobalConstraints).Path);
    }
}
