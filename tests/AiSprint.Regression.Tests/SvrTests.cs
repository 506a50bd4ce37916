using AiSprint.Regression.Techniques;

namespace AiSprint.Regression.Tests;

public class SvrTests
{
    private static readonly double[][] X = Enumerable.Range(0, 9).Select(i => new double[] { i * 0.5 }).ToArray();

    [Fact]
    public void Linear_SVR_with_a_large_C_is_the_flattest_line_inside_the_tube()
    {
        // y = 2x + 1 on x ∈ [0, 4]: the flattest w with every residual (2 − w)x + 1 inside a 2ε-wide tube is
        // w = 2 − 2ε/4, and b centres the tube: residuals span [1, 1 + 2ε] → b = 1 + ε.
        const double eps = 0.1;
        var y = X.Select(r => 2 * r[0] + 1).ToArray();
        var model = new SvrTrainer(1000, eps, SvrGamma.Of(1), SvrKernel.Linear, 3, Tolerance: 1e-8).Fit(X, y);
        Assert.Equal(1 + eps, model.Predict([0.0]), 5);
        Assert.Equal(1 + eps + (2 - eps / 2) * 4, model.Predict([4.0]), 5);
    }

    [Fact]
    public void Points_inside_the_tube_are_not_support_vectors_and_coefficients_stay_in_the_box()
    {
        var y = X.Select(r => Math.Sin(r[0])).ToArray();
        const double c = 0.7;
        var model = new SvrTrainer(c, 0.2, SvrGamma.Of(0.5), SvrKernel.Rbf, 3).Fit(X, y);
        Assert.All(model.DualCoefficients, a => Assert.InRange(Math.Abs(a), 1e-15, c + 1e-12));
        Assert.Equal(0, model.DualCoefficients.Sum(), 10); // Σ(α⁺ − α⁻) = 0: the equality constraint of the dual
        Assert.True(model.SupportVectors.Length < X.Length);
        foreach (var (row, target) in X.Zip(y)) Assert.True(Math.Abs(model.Predict(row) - target) <= 0.2 + 0.01, $"x {row[0]}");
    }

    [Fact]
    public void Kernels_follow_libsvm()
    {
        double[] a = [1, 2], b = [3, -1];
        Assert.Equal(1.0, new KernelFunction(SvrKernel.Linear, 9, 9, 0).Evaluate(a, b));
        Assert.Equal(Math.Exp(-0.1 * 13), new KernelFunction(SvrKernel.Rbf, 0.1, 3, 0).Evaluate(a, b), 15);
        Assert.Equal(Math.Pow(0.5 * 1, 3), new KernelFunction(SvrKernel.Poly, 0.5, 3, 0).Evaluate(a, b), 15);
        Assert.Equal(Math.Tanh(0.5), new KernelFunction(SvrKernel.Sigmoid, 0.5, 3, 0).Evaluate(a, b), 15);
    }

    [Fact]
    public void A_tiny_C_keeps_every_coefficient_at_the_bound()
    {
        // C = 1e-6 ≪ any residual: every point outside the tube has |α⁺ − α⁻| = C.
        var y = X.Select(r => 10 * r[0]).ToArray();
        var model = new SvrTrainer(1e-6, 0.05, SvrGamma.Of(1e-7), SvrKernel.Linear, 2).Fit(X, y);
        Assert.All(model.DualCoefficients, a => Assert.Equal(1e-6, Math.Abs(a), 15));
    }
}
