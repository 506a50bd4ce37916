namespace Sample;

public static class Program
{
    public static int Run()
    {
        var detector = new Detector();
        var attempts = 0;
        Detector.Warmup();
        attempts += Detector.@event(0);
        var size = detector.Detect("face", ref attempts, out var found);
        size += detector.Detect("second", ref attempts, out _);
        var blurred = "face".Blur().Echo();
        var score = Detector.Score(41) + Detector.Score<long>(1);
        Detector? missing = null;
        var none = missing?.Detect("none", ref attempts, out _) ?? 0;
        var generic = Forward("x").Length + Forward(2) + new Box<int>().Get(3);
        return generic + size + none + blurred.Length + (int)score + (found ? 1 : 0);
    }

    // The call's type argument is this method's own T: the interceptor must be generic.
    public static T Forward<T>(T value)
        where T : notnull => Detector.Score(value);

    public static T Build<T>()
        where T : class, new() => Detector.Make<T>();
}
