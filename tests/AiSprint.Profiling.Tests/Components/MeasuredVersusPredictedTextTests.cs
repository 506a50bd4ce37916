using AiSprint.Profiling.Components;

namespace AiSprint.Profiling.Tests.Components;

public class MeasuredVersusPredictedTextTests
{
    [Fact]
    public void The_lines_the_build_keeps_read_back_as_the_comparisons_they_were_written_from()
    {
        var detector = new MeasuredVersusPredicted.Comparison("blade-detector", "Laptop",
        [
            new("image_side=128 cores=1", 78.4, 78.8),
            new("image_side=256 cores=2", 150.25, 149.5),
        ]);
        var report = new MeasuredVersusPredicted.Comparison("report", "Laptop", [new("cores=1", 12, 13.5)]);
        var text = MeasuredVersusPredicted.ToText(detector, 80) + MeasuredVersusPredicted.ToText(report, null);

        var read = MeasuredVersusPredicted.FromText(text);

        Assert.Equal(["blade-detector", "report"], read.Select(c => c.Component));
        Assert.All(read, c => Assert.Equal("Laptop", c.Resource));
        Assert.Equal(detector.Configurations, read[0].Configurations);
        Assert.Equal(report.Configurations, read[1].Configurations);
        Assert.Equal(detector.MapePercent, read[0].MapePercent, 9);
    }

    [Fact]
    public void Lines_of_another_shape_are_skipped_and_a_component_without_a_summary_has_no_resource()
    {
        var read = MeasuredVersusPredicted.FromText("a heading\r\nblade-detector cores=1: measured 0.0784 ms, predicted 0.0788 ms\r\n\r\nnot: measured x ms, predicted y ms\r\n");

        var only = Assert.Single(read);
        Assert.Equal("", only.Resource);
        Assert.Equal(new MeasuredVersusPredicted.Configuration("cores=1", 0.0784, 0.0788), Assert.Single(only.Configurations));
    }
}
