using System.Threading.Tasks;
using AiSprint.Annotations;

namespace Sample;

public sealed class Pipeline
{
    [Component("fetch")]
    [ExecTime(100, TimeUnit.Milliseconds)]
    public async Task<string> FetchAsync(string url)
    {
        await Task.Yield();
        return url;
    }

    [Component("store")]
    public static Task StoreAsync(string value) => Task.CompletedTask;

    [Component("cache-lookup")]
    public ValueTask<int> LookupAsync(string key) => new(key.Length);

    [Component("flush")]
    public static ValueTask FlushAsync() => default;

    public async Task<int> RunAsync()
    {
        var page = await FetchAsync("https://example.org");
        await StoreAsync(page);
        var length = await LookupAsync(page);
        await FlushAsync();
        return length;
    }
}
