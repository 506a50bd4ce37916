using AiSprint.Annotations;

namespace AiSprint.Supervision.App;

/// <summary>
/// Two components on one path, planned for 20 req/s. The sleeps stand for work whose time does not depend on how busy
/// the two CI cores are (the test machine is shared), so the measured times are the same whatever else runs.
/// </summary>
public static class RequestPipeline
{
    [Component("ingest")]
    [ExpectedThroughput(20)]
    [Successor("classify")]
    public static int Ingest(int request)
    {
        Thread.Sleep(2);
        return request;
    }

    [Component("classify")]
    [ExecTime(100, TimeUnit.Milliseconds)]
    [GlobalExecTime("request-path", 200, TimeUnit.Milliseconds, "ingest")]
    public static bool Classify(int request)
    {
        Thread.Sleep(40);
        return request % 2 == 0;
    }

    public static bool Run(int request) => Classify(Ingest(request));
}
