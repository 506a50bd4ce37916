namespace AiSprint.Supervision.App;

/// <summary>
/// The components' work: sleeps (ingest 2 ms, classify 40 ms; no call waits for another), or, when the app is started
/// with <c>--serve</c>, calls of the design's demands on <see cref="ProcessorSharingServers"/> as many as the design's
/// replicas. GET /slow?factor=F multiplies classify's work from then on: its demand moves off the design while the
/// arrival rate stays.
/// </summary>
internal static class Work
{
    private static (ProcessorSharingServers Servers, TimeSpan Ingest, TimeSpan Classify)? _served;
    private static double _classifyFactor = 1;

    public static void ServeOn(ProcessorSharingServers servers, TimeSpan ingest, TimeSpan classify) => _served = (servers, ingest, classify);

    public static void SlowClassifyDown(double factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(factor, 0);
        Volatile.Write(ref _classifyFactor, factor);
    }

    public static void Ingest()
    {
        if (_served is var (servers, ingest, _)) servers.Serve(ingest);
        else Thread.Sleep(2);
    }

    public static void Classify()
    {
        var factor = Volatile.Read(ref _classifyFactor);
        if (_served is var (servers, _, classify)) servers.Serve(classify * factor);
        else Thread.Sleep(TimeSpan.FromMilliseconds(40 * factor));
    }
}
