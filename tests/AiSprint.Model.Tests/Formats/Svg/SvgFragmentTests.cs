using System.Xml.Linq;
using AiSprint.Model.Formats.Svg;

namespace AiSprint.Model.Tests.Formats.Svg;

public class SvgFragmentTests
{
    private const string Chart = """
        <?xml version="1.0" encoding="utf-8" ?>
        <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">
          <clipPath id="cl_17"><rect width="5" height="5"/></clipPath>
          <g clip-path="url(#cl_17)"><use xlink:href="#cl_23"/></g>
          <clipPath id="cl_23"><rect width="4" height="4"/></clipPath>
          <g clip-path="url(#elsewhere)"/>
        </svg>
        """;

    [Fact]
    public void Ids_are_renumbered_under_the_prefix_in_document_order_and_references_follow()
    {
        var svg = SvgFragment.Normalise(Chart, "sweep");

        Assert.StartsWith("<svg", svg);
        Assert.DoesNotContain("cl_", svg);
        var document = XDocument.Parse(svg);
        Assert.Equal(["sweep-1", "sweep-2"], document.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>());
        Assert.Contains("clip-path=\"url(#sweep-1)\"", svg);
        Assert.Contains("xlink:href=\"#sweep-2\"", svg);
        // A reference to an id the fragment does not define is left alone.
        Assert.Contains("url(#elsewhere)", svg);
    }

    [Fact]
    public void The_same_chart_numbered_differently_by_the_library_gives_the_same_text()
    {
        var later = Chart.Replace("cl_17", "cl_91", StringComparison.Ordinal).Replace("cl_23", "cl_95", StringComparison.Ordinal);
        Assert.Equal(SvgFragment.Normalise(Chart, "c"), SvgFragment.Normalise(later, "c"));
        Assert.NotEqual(SvgFragment.Normalise(Chart, "a"), SvgFragment.Normalise(Chart, "b"));
    }
}
