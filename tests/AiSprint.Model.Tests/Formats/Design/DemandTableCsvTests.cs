using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.Design;
using AiSprint.Model.Units;

namespace AiSprint.Model.Tests.Formats.Design;

public class DemandTableCsvTests
{
    private const string File = "demands.csv";

    private static LoadResult<DemandTable> Parse(string text) => DemandTableCsv.Parse(text, File);

    [Fact]
    public void Rows_become_demands_in_seconds_with_the_cold_start_when_given()
    {
        var read = Parse("# wind farm\ncomponent,resource,demand_ms,cold_ms\n\ncapture,DroneBasic,1260,\n  # indented comment\nreport, Lambda256 , 4000 , 4800\n");
        Assert.Empty(read.Diagnostics);
        Assert.Equal(
            [new DemandEntry("capture", "DroneBasic", new Seconds(1.26), null, new SourceLocation(File, 4, 1)),
             new DemandEntry("report", "Lambda256", new Seconds(4), new Seconds(4.8), new SourceLocation(File, 6, 1))],
            read.Value!.Entries);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_the_partition_column_is_accepted()
    {
        var read = Parse("partition,demand_ms,resource,component\nh1,2.5e2,VM1,mask-detector\r\n");
        Assert.Empty(read.Diagnostics);
        var entry = Assert.Single(read.Value!.Entries);
        Assert.Equal(("mask-detector", "VM1", 0.25, (Seconds?)null), (entry.Component, entry.Resource, entry.Demand.Value, entry.ColdStart));
        Assert.Equal(new SourceLocation(File, 2, 1), entry.Location);
        Assert.Equal(["capture", "capture"], DemandTableCsv.Parse("component,resource,demand_ms\ncapture,A,1\ncapture,B,2", File).Value!.Of("capture").Select(e => e.Component));
    }

    [Fact]
    public void A_missing_column_is_AIS0004_on_the_header_line_and_nothing_is_read()
    {
        var read = Parse("# comment\ncomponent,demand_ms\ncapture,12\n");
        Assert.Null(read.Value);
        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal("AIS0004", diagnostic.Code);
        Assert.Equal(new SourceLocation(File, 2, 1), diagnostic.Location);
        Assert.Equal("the header has no 'resource' column; expected component,resource,demand_ms (optionally cold_ms, partition)", diagnostic.Message);
    }

    [Fact]
    public void An_unknown_column_is_a_warning_at_its_column_with_the_closest_name()
    {
        var read = Parse("component,resource,demand_ms,cold_msec\ncapture,DroneBasic,1260,1300\n");
        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal("AIS0005", diagnostic.Code);
        Assert.False(diagnostic.IsError);
        Assert.Equal(new SourceLocation(File, 1, 30), diagnostic.Location);
        Assert.Contains("column 'cold_msec' is not part of the demands format and is ignored", diagnostic.Message);
        Assert.EndsWith("(did you mean 'cold_ms'?)", diagnostic.Message);
        // The warning does not stop the rows: the unknown column is ignored, so there is no cold start.
        Assert.Null(Assert.Single(read.Value!.Entries).ColdStart);
    }

    [Fact]
    public void A_misspelt_required_column_is_both_missing_and_unknown()
    {
        var read = Parse("component,resource,demand_s\n");
        Assert.Null(read.Value);
        Assert.Equal(["AIS0004", "AIS0005"], read.Diagnostics.Select(d => d.Code));
        Assert.Equal(new SourceLocation(File, 1, 20), read.Diagnostics[1].Location);
        Assert.Contains("(did you mean 'demand_ms'?)", read.Diagnostics[1].Message);
    }

    [Theory]
    [InlineData("0", 13)]
    [InlineData("-5", 13)]
    [InlineData("fast", 13)]
    [InlineData("NaN", 13)]
    [InlineData("Infinity", 13)]
    [InlineData("", 13)]
    public void A_demand_that_is_no_positive_number_is_AIS0018_at_its_field(string value, int column)
    {
        var read = Parse($"component,resource,demand_ms\ncapture,VM1,12\ncapture,VM2,{value}\n");
        Assert.Null(read.Value);
        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal("AIS0018", diagnostic.Code);
        Assert.Equal(new SourceLocation(File, 3, column), diagnostic.Location);
        Assert.Equal($"demand_ms '{value}' is not a positive number of milliseconds", diagnostic.Message);
    }

    [Fact]
    public void A_bad_cold_start_is_AIS0018_at_the_cold_ms_field()
    {
        var read = Parse("component,resource,demand_ms,cold_ms\nreport,Lambda256,4000,-1\n");
        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal(("AIS0018", new SourceLocation(File, 2, 23)), (diagnostic.Code, diagnostic.Location));
        Assert.Equal("cold_ms '-1' is not a positive number of milliseconds", diagnostic.Message);
    }

    [Fact]
    public void A_row_of_the_wrong_width_is_AIS0045_and_every_bad_row_is_reported()
    {
        var read = Parse("component,resource,demand_ms\ncapture,VM1\ncapture,VM2,1,2\ncapture,VM3,3\n");
        Assert.Null(read.Value);
        Assert.Equal(
            [("AIS0045", new SourceLocation(File, 2, 1), "this row has 2 fields but the header names 3 columns"),
             ("AIS0045", new SourceLocation(File, 3, 1), "this row has 4 fields but the header names 3 columns")],
            read.Diagnostics.Select(d => (d.Code, d.Location, d.Message)));
    }

    [Fact]
    public void A_row_without_a_component_or_resource_is_AIS0004()
    {
        var read = Parse("component,resource,demand_ms\n,VM1,3\n");
        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal(("AIS0004", new SourceLocation(File, 2, 1)), (diagnostic.Code, diagnostic.Location));
        Assert.Contains("a row needs a component and a resource name", diagnostic.Message);
    }

    [Fact]
    public void The_same_component_and_resource_twice_is_AIS0010_at_the_second_row()
    {
        var read = Parse("component,resource,demand_ms\ncapture,VM1,3\ncapture,VM2,4\ncapture,VM1,5\n");
        Assert.Null(read.Value);
        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal(("AIS0010", new SourceLocation(File, 4, 1)), (diagnostic.Code, diagnostic.Location));
        Assert.Equal("capture on VM1 is listed twice (first at line 2); expected one demand per component and resource", diagnostic.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# only a comment\n# and another\n")]
    public void An_empty_file_is_AIS0002_at_its_first_line(string text)
    {
        var read = Parse(text);
        Assert.Null(read.Value);
        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal(("AIS0002", new SourceLocation(File, 1, 1)), (diagnostic.Code, diagnostic.Location));
        Assert.Equal("the file is empty; expected the header component,resource,demand_ms", diagnostic.Message);
    }

    [Fact]
    public void A_header_only_file_is_an_empty_table()
    {
        var read = Parse("component,resource,demand_ms\n");
        Assert.Empty(read.Diagnostics);
        Assert.Empty(read.Value!.Entries);
    }

    [Fact]
    public void Write_then_parse_gives_the_same_demands_and_the_same_milliseconds_text()
    {
        var table = Parse("component,resource,demand_ms,cold_ms\ncapture,DroneBasic,1260,\nblade-detector,VMSmall,12.5,\ndefect-classifier,VMSmall,33.75,\nreport,Lambda512,2300,2760\n").Value!;
        var text = DemandTableCsv.Write(table);
        Assert.Equal("component,resource,demand_ms,cold_ms\ncapture,DroneBasic,1260,\nblade-detector,VMSmall,12.5,\ndefect-classifier,VMSmall,33.75,\nreport,Lambda512,2300,2760\n", text);
        var back = Parse(text).Value!;
        Assert.Equal(table.Entries.Select(e => (e.Component, e.Resource, e.Demand, e.ColdStart)), back.Entries.Select(e => (e.Component, e.Resource, e.Demand, e.ColdStart)));
    }

    [Fact]
    public void Load_reads_the_wind_farm_demands_and_reports_a_missing_file_as_AIS0001()
    {
        var loaded = DemandTableCsv.Load(DesignSamples.WindFarmDemands);
        Assert.Empty(loaded.Diagnostics);
        Assert.Equal(17, loaded.Value!.Entries.Count);
        Assert.Equal(new SourceLocation(DesignSamples.WindFarmDemands, 5, 1), loaded.Value.Entries[0].Location);

        var missing = DemandTableCsv.Load("/nonexistent/demands.csv");
        Assert.Equal(("AIS0001", SourceLocation.WholeFile("/nonexistent/demands.csv")), (missing.Diagnostics.Single().Code, missing.Diagnostics.Single().Location));
    }

    [Fact]
    public void Merge_keeps_the_order_of_first_appearance_and_later_tables_win()
    {
        var handWritten = Parse("component,resource,demand_ms\ncapture,VM1,100\ncapture,VM2,200\nreport,VM1,50\n").Value!;
        var predicted = DemandTableCsv.Parse("component,resource,demand_ms,cold_ms\ncapture,VM2,180,\nreport,F1,70,90\n", "predicted.csv").Value!;
        var merged = DemandTable.Merge([handWritten, predicted]);
        Assert.Equal(
            [("capture", "VM1", 0.1, File), ("capture", "VM2", 0.18, "predicted.csv"), ("report", "VM1", 0.05, File), ("report", "F1", 0.07, "predicted.csv")],
            merged.Entries.Select(e => (e.Component, e.Resource, e.Demand.Value, e.Location.File)));
        Assert.Equal(new Seconds(0.09), merged.Entries[^1].ColdStart);
        Assert.Empty(DemandTable.Merge([]).Entries);
        Assert.Equal(handWritten.Entries, DemandTable.Merge([DemandTable.Empty, handWritten]).Entries);
    }

    [Fact]
    public void A_column_named_twice_is_AIS0010_at_the_second_one()
    {
        var read = Parse("component,resource,demand_ms,demand_ms\ncapture,VM1,10,20\n");
        Assert.Null(read.Value);
        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal(("AIS0010", new SourceLocation(File, 1, 30)), (diagnostic.Code, diagnostic.Location));
        Assert.Equal("column 'demand_ms' is named twice; expected each column once", diagnostic.Message);
    }
}

