using AiSprint.Regression.Parallelism;

namespace AiSprint.Regression.Tests;

public class IndexedParallelTests
{
    [Fact]
    public void Every_index_runs_and_the_lowest_failing_index_is_rethrown_unwrapped()
    {
        var seen = new int[64];
        IndexedParallel.For(seen.Length, i => seen[i]++);
        Assert.All(seen, count => Assert.Equal(1, count));
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var error = Assert.Throws<RegressionException>(() => IndexedParallel.For(16, i =>
            {
                if (i is 3 or 11) throw new RegressionException($"index {i}");
            }));
            Assert.Equal("index 3", error.Message);
        }
    }
}
