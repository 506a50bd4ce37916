using AiSprint.Analyzers.Inputs;
using Microsoft.CodeAnalysis.Text;

namespace AiSprint.Analyzers.Tests.Inputs;

public sealed class ParseCacheTests
{
    [Fact]
    public void The_same_content_is_parsed_once_and_changed_content_again()
    {
        var cache = new ParseCache();
        const string path = "/proj/app.demands.csv";
        var calls = 0;
        ParsedFile<DemandMatrix> Parse(string p, SourceText t)
        {
            calls++;
            return DemandsReader.Read(p, t);
        }

        var first = cache.Get("demands", path, SourceText.From("component,resource,demand_ms\na,VM1,1\n"), Parse);
        var again = cache.Get("demands", path, SourceText.From("component,resource,demand_ms\na,VM1,1\n"), Parse);
        var changed = cache.Get("demands", path, SourceText.From("component,resource,demand_ms\na,VM1,2\n"), Parse);

        Assert.Same(first, again);
        Assert.NotSame(first, changed);
        Assert.Equal(2, calls);
        Assert.Equal(2, changed.Value!.Fastest("a")!.Milliseconds);
    }
}
