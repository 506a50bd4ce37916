namespace AiSprint.Supervision.App;

/// <summary>
/// The values the components record, from seeded generators: input sizes ~ N(100, 10) throughout; confidences ~
/// N(0.8, 0.05) until <see cref="ShiftConfidence"/> (GET /shift), N(0.6, 0.05) after — four standard deviations, which a
/// Kolmogorov–Smirnov test over 40 samples rejects at p far below 1e-4, while two windows of the same normal pass it
/// but once in ten thousand tests.
/// </summary>
internal static class Signals
{
    private static readonly Random Sizes = new(17);
    private static readonly Random Confidences = new(23);
    private static volatile bool _shifted;

    public static void ShiftConfidence() => _shifted = true;

    public static double InputSize() => Normal(Sizes, 100, 10);

    public static double Confidence() => Normal(Confidences, _shifted ? 0.6 : 0.8, 0.05);

    // Box–Muller; requests run concurrently, so each generator is drawn from under its own lock.
    private static double Normal(Random random, double mean, double deviation)
    {
        double u1, u2;
        lock (random)
        {
            u1 = 1 - random.NextDouble();
            u2 = random.NextDouble();
        }
        return mean + deviation * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
