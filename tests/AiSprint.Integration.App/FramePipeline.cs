using AiSprint.Annotations;

namespace AiSprint.Integration.App;

/// <summary>
/// Three components on one global path. The sleeps make the outcome certain on a loaded machine:
/// detect always exceeds its 1 ms local threshold, and the path (at least 7 ms) always exceeds its 5 ms one;
/// report always meets its 1 s local threshold.
/// </summary>
public static class FramePipeline
{
    [Component("decode")]
    [Successor("detect")]
    public static int Decode(int frame)
    {
        Thread.Sleep(2);
        return frame;
    }

    [Component("detect")]
    [ExecTime(1, TimeUnit.Milliseconds)]
    [Successor("report")]
    public static bool Detect(int frame)
    {
        Thread.Sleep(5);
        return frame % 2 == 0;
    }

    [Component("report")]
    [ExecTime(1, TimeUnit.Seconds)]
    [GlobalExecTime("frame-path", 5, TimeUnit.Milliseconds, "decode", "detect")]
    public static string Report(bool masked) => masked ? "mask" : "no mask";

    public static string Run(int frame) => Report(Detect(Decode(frame)));
}
