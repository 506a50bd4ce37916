namespace AiSprint.Supervision.Tests.Live;

/// <summary>
/// An open-loop load on loopback: Poisson arrivals (seeded) at a rate the test may change at any time, each request sent
/// without waiting for the previous one, at most <see cref="MaxInFlight"/> outstanding; stops when disposed.
/// </summary>
internal sealed class LoadGenerator : IAsyncDisposable
{
    public const int MaxInFlight = 256;

    /// <summary>Without <see cref="CatchUp"/>, the arrivals more than this late are dropped.</summary>
    private const double MaxLagSeconds = 0.1;

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _slots = new(MaxInFlight);
    private readonly Task _loop;
    private readonly Random _random;
    private double _rate;
    private long _sent;

    public LoadGenerator(Uri target, double rate, int seed, double jitter = 0, bool catchUp = true)
    {
        _rate = rate;
        _random = new Random(seed);
        Jitter = jitter;
        CatchUp = catchUp;
        _loop = Task.Run(() => RunAsync(target));
    }

    /// <summary>
    /// Whether arrivals missed while the generator was held up (a stall of the test process) are sent at once when it
    /// resumes (the default), or dropped: a burst of them queues at the app like no Poisson arrival stream does.
    /// </summary>
    public bool CatchUp { get; }

    /// <summary>Each second the rate is multiplied by a seeded factor uniform in [1 − jitter, 1 + jitter] (noise on top of Poisson's).</summary>
    public double Jitter { get; }

    public double Rate
    {
        get => Volatile.Read(ref _rate);
        set => Volatile.Write(ref _rate, value);
    }

    public long Sent => Interlocked.Read(ref _sent);

    private async Task RunAsync(Uri target)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var next = 0.0;
        var factor = 1.0;
        var second = -1L;
        while (!_stop.IsCancellationRequested)
        {
            var now = clock.Elapsed.TotalSeconds;
            if ((long)now != second)
            {
                second = (long)now;
                factor = 1 + Jitter * (2 * _random.NextDouble() - 1);
            }
            var wait = next - now;
            if (wait > 0.001)
            {
                try { await Task.Delay(TimeSpan.FromSeconds(wait), _stop.Token); }
                catch (OperationCanceledException) { return; }
            }
            else if (!CatchUp && wait < -MaxLagSeconds)
            {
                next = now;
            }
            next += -Math.Log(1 - _random.NextDouble()) / (Rate * factor);
            if (!await _slots.WaitAsync(0)) continue;
            Interlocked.Increment(ref _sent);
            _ = SendAsync(target);
        }
    }

    private async Task SendAsync(Uri target)
    {
        try
        {
            using var response = await _http.GetAsync(target, _stop.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // The app is being stopped, or the test is over.
        }
        finally
        {
            _slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _http.Dispose();
        _stop.Dispose();
    }
}
