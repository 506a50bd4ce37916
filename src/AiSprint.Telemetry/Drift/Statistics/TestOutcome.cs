namespace AiSprint.Telemetry.Drift.Statistics;

/// <summary>How a p-value was computed: from the exact null distribution, or from its large-sample limit.</summary>
public enum PValueMethod
{
    /// <summary>The exact (permutation/lattice-path or hypergeometric) null distribution.</summary>
    Exact,

    /// <summary>The limiting distribution of the statistic (Kolmogorov, Cramér–von Mises, chi-squared).</summary>
    Asymptotic,
}

/// <summary>The result of a two-sample test: its statistic, its p-value and how the p-value was computed.</summary>
public readonly record struct TestOutcome(double Statistic, double PValue, PValueMethod Method);
