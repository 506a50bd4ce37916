using System.Threading.Tasks;
using AiSprint.Annotations;

namespace Masks;

public static class Pipeline
{
    // First component of path1 and of the one-component path "quick".
    [Component("blurry-faces")]
    [ExecTime]
    [GlobalExecTime("quick", 40, TimeUnit.Milliseconds)]
    public static int BlurFaces(int frame) => frame + 1;

    [Component("mask-detector")]
    [ExecTime(1, TimeUnit.Seconds)]
    [GlobalExecTime("path1", 2.5, TimeUnit.Seconds, "blurry-faces")]
    public static async Task<bool> DetectAsync(int frame)
    {
        await Task.Yield();
        return frame > 0;
    }

    // Not public: timed at its calls, but no entry point.
    [Component("notify")]
    internal static void Notify(string message)
    {
    }

    public static async Task<bool> RunAsync(int frame)
    {
        Notify("start");
        return await DetectAsync(BlurFaces(frame));
    }
}
