using AiSprint.Model.Formats.Design;

namespace AiSprint.Model.Tests.Formats.Design;

public sealed class ExitCountsFileTests
{
    [Fact]
    public void The_probability_of_not_exiting_is_the_requests_past_an_exit_over_those_that_reached_it()
    {
        // 300 requests: 120 stop at exit 1, 60 at exit 2, 120 run to the end (exit 3 of a two-exit network).
        var (counts, diagnostics) = ExitCountsFile.Parse("component,exit,requests\nc,1,120\nc,2,60\nc,3,120\n", "counts.csv");

        Assert.Empty(diagnostics);
        var c = Assert.Single(counts);
        Assert.Equal([180 / 300.0, 120 / 180.0], c.ContinueProbabilities(2).Select(p => p!.Value));
        Assert.Equal(180, c.Reached(2));
    }

    [Fact]
    public void An_exit_no_request_reached_has_no_measured_probability()
    {
        var (counts, _) = ExitCountsFile.Parse("component,exit,requests\nc,1,50\n", "counts.csv");

        Assert.Equal([0.0, null], counts[0].ContinueProbabilities(2));
    }

    [Theory]
    [InlineData("component,exits,requests\nc,1,5\n", 1)]
    [InlineData("component,exit,requests\nc,0,5\n", 2)]
    [InlineData("component,exit,requests\nc,1,-5\n", 2)]
    [InlineData("component,exit,requests\nc,1\n", 2)]
    public void A_malformed_file_is_an_AIS0079_warning_at_its_line_and_yields_no_counts(string text, int line)
    {
        var (counts, diagnostics) = ExitCountsFile.Parse(text, "counts.csv");

        Assert.Empty(counts);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(("AIS0079", false, line), (warning.Code, warning.IsError, warning.Location.Line));
    }

    [Fact]
    public void Written_counts_read_back()
    {
        var counts = new ExitCounts("c", new Dictionary<int, long> { [2] = 7, [1] = 3 }, default);

        var (read, _) = ExitCountsFile.Parse(ExitCountsFile.Write([counts]), "x.csv");

        Assert.Equal(new Dictionary<int, long> { [1] = 3, [2] = 7 }, read[0].RequestsByExit);
    }
}
