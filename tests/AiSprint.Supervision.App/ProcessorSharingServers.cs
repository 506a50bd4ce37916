using System.Diagnostics;

namespace AiSprint.Supervision.App;

/// <summary>
/// The placement model's resource: <c>replicas</c> servers, each call sent to one at random (seeded; Poisson arrivals
/// split evenly, λ / y each, as the model assumes) and served there with processor sharing, every call in a server
/// progressing at 1 / n of its speed while n are in it, as threads share a CPU. A processor-sharing server answers a call
/// of demand D in D / (1 − U) on average whatever the calls' lengths — the model's R = D / (1 − U), for every component
/// sharing the server — so the supervisor's estimator, which inverts that formula, reads the true demand from what the app
/// measures. The servers are simulated in virtual time: each call computes when it would end if nothing else arrived and
/// sleeps until then, and every update advances the server's calls to the present, retiring each at its exact end; a
/// late thread wake-up on a loaded machine delays that call's answer only, never the server.
/// </summary>
internal sealed class ProcessorSharingServers
{
    private const double Done = 1e-9;

    private sealed class Call(double work)
    {
        public double Remaining = work;
        public bool Finished;
    }

    private sealed class Server
    {
        public readonly List<Call> Calls = [];
        public long Clock = Stopwatch.GetTimestamp();
    }

    private readonly Server[] _servers;
    private readonly Random _routing;

    public ProcessorSharingServers(int replicas, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        _servers = [.. Enumerable.Range(0, replicas).Select(_ => new Server())];
        _routing = new Random(seed);
    }

    /// <summary>Serves one call of <paramref name="demand"/> of work on one of the servers; returns when it is done.</summary>
    public void Serve(TimeSpan demand)
    {
        var call = new Call(demand.TotalSeconds);
        Server server;
        lock (_servers)
        {
            server = _servers[_routing.Next(_servers.Length)];
            Advance(server, Stopwatch.GetTimestamp());
            server.Calls.Add(call);
        }
        while (true)
        {
            double untilEnd;
            lock (_servers)
            {
                Advance(server, Stopwatch.GetTimestamp());
                if (call.Finished) return;
                untilEnd = EndIfNoArrival(server, call);
            }
            // Whole milliseconds rounded up (Thread.Sleep takes no less): a call that arrived meanwhile only delays the
            // end, so waking at this estimate is never late; the loop then goes on sleeping.
            Thread.Sleep(Math.Max(1, (int)Math.Ceiling(untilEnd * 1000)));
        }
    }

    // From the server's clock to now: n calls each progress at 1 / n; whenever the shortest finishes, n drops.
    private static void Advance(Server server, long now)
    {
        var elapsed = (now - server.Clock) / (double)Stopwatch.Frequency;
        server.Clock = now;
        while (server.Calls.Count > 0 && elapsed > 0)
        {
            var n = server.Calls.Count;
            var step = Math.Min(elapsed, server.Calls.Min(c => c.Remaining) * n);
            foreach (var c in server.Calls) c.Remaining -= step / n;
            elapsed -= step;
            server.Calls.RemoveAll(c => c.Finished = c.Remaining <= Done);
        }
    }

    // Seconds until the call ends if nothing arrives: the calls with less work left end first, each phase at the then share.
    private static double EndIfNoArrival(Server server, Call call)
    {
        var remaining = server.Calls.Select(c => c.Remaining).Where(r => r <= call.Remaining).Order().ToList();
        var (time, previous, n) = (0.0, 0.0, server.Calls.Count);
        foreach (var r in remaining)
        {
            time += (r - previous) * n--;
            previous = r;
        }
        return time;
    }
}
