using AiSprint.Annotations;

namespace Sample;

public sealed class Detector
{
    [Component("mask-detector")]
    [ExecTime(20, TimeUnit.Milliseconds)]
    public int Detect(string image, ref int attempts, out bool found)
    {
        attempts++;
        found = image.Length > 0;
        return image.Length;
    }

    [ExecTime]
    public static void Warmup()
    {
    }

    [Component("event")]
    public static int @event(int id) => id;

    [Component("generic-scorer")]
    public static T Score<T>(T value) => value;

    [Component("factory")]
    public static T Make<T>()
        where T : class, new() => new T();

    // Private: generated code cannot call it, so its calls stay untimed.
    [Component("private-helper")]
    private static int Helper() => 1;

    public int UsesHelper() => Helper();
}

public static class DetectorExtensions
{
    [Component("blur")]
    [ExecTime(1.5, TimeUnit.Seconds)]
    public static string Blur(this string image, int radius = 3) => image + radius;

    [Component("echo")]
    public static T Echo<T>(this T value) => value;
}

public sealed class Box<T>
{
    [Component("box")]
    public T Get(T value) => value;
}
