using System.Threading.Tasks;
using AiSprint.Annotations;

[assembly: ApplicationMetric(ApplicationMetrics.AverageF1, Threshold = 0.8)]

namespace MaskDetection;

public static class Pipeline
{
    [Component("blurry-faces")]
    [Successor("mask-detector", Probability = 0.7)]
    public static byte[] Blur(byte[] frame) => frame;

    [Alternative("blurry-faces", "blurry-faces-int8")]
    public static byte[] BlurInt8(byte[] frame) => frame;

    [Component("mask-detector")]
    [ExecTime(500, TimeUnit.Milliseconds)]
    public static Task<string> DetectAsync(byte[] frame) => Task.FromResult("large");

    [Alternative("mask-detector", "mask-detector-small")]
    public static Task<string> DetectSmallAsync(byte[] frame) => Task.FromResult("small");

    public static async Task<string> Run(byte[] frame) => await DetectAsync(Blur(frame));
}

public sealed class Notifier
{
    [Component("notify")]
    public void Notify(string label) { }

    [Alternative("notify", "notify-quiet")]
    public void NotifyQuietly(string label) { }

    public void Send() => Notify("mask");
}
