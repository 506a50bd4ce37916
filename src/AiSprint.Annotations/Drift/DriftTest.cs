using AiSprint.Contract;

namespace AiSprint.Annotations;

/// <summary>The statistical test a drift detector runs between the reference window and the latest window.</summary>
public enum DriftTest
{
    /// <summary>Two-sample Kolmogorov–Smirnov, for continuous values (exact p-values up to 10,000 samples).</summary>
    KolmogorovSmirnov = AnnotationContract.KolmogorovSmirnov,

    /// <summary>Two-sample Cramér–von Mises, for continuous values (exact p-values up to 20 samples).</summary>
    CramerVonMises = AnnotationContract.CramerVonMises,

    /// <summary>Chi-squared test of the per-category counts, for categorical values.</summary>
    ChiSquared = AnnotationContract.ChiSquared,

    /// <summary>Fisher's exact test (two-sided) of the share of true values, for binary values.</summary>
    FisherExact = AnnotationContract.FisherExact,
}
