using AiSprint.Regression.Techniques;
using MathNet.Numerics.LinearAlgebra;

namespace AiSprint.Regression.Tests;

public class TechniqueTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(4.0)]
    public void Ridge_matches_the_closed_form_with_an_unpenalised_intercept(double alpha)
    {
        // x = 0,1,2 and y = 0,1,2 + 5: centred x is (−1,0,1), so w = Σxc·yc / (Σxc² + α) = 2 / (2 + α), b = ȳ − w·x̄.
        double[][] x = [[0], [1], [2]];
        double[] y = [5, 6, 7];
        var model = new RidgeTrainer(alpha).Fit(x, y);
        var w = 2 / (2 + alpha);
        Assert.Equal(w, model.Coefficients[0], 12);
        Assert.Equal(6 - w, model.Intercept, 12);
    }

    [Fact]
    public void Ridge_with_zero_alpha_recovers_an_exact_linear_relation()
    {
        double[][] x = [[1, 2], [2, 1], [3, 5], [4, 3], [0, 1]];
        var y = x.Select(r => 3 + 2 * r[0] - 0.5 * r[1]).ToArray();
        var model = new RidgeTrainer(0).Fit(x, y);
        Assert.Equal(2, model.Coefficients[0], 10);
        Assert.Equal(-0.5, model.Coefficients[1], 10);
        Assert.Equal(3, model.Intercept, 10);
    }

    [Fact]
    public void Lawson_Hanson_clamps_a_negative_least_squares_coefficient()
    {
        // Unconstrained least squares gives (2, −1); with x ≥ 0 the optimum is x2 = 0, x1 = argmin (x1−2)² + (x1−1)² = 1.5.
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 0, 1 }, { 1, 1 } });
        var b = Vector<double>.Build.Dense([2, -1, 1]);
        var x = LawsonHanson.Solve(a, b);
        Assert.Equal(1.5, x[0], 12);
        Assert.Equal(0, x[1], 12);
    }

    [Fact]
    public void Lawson_Hanson_returns_the_least_squares_solution_when_it_is_feasible()
    {
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 0, 1 }, { 1, 1 } });
        var b = Vector<double>.Build.Dense([1, 2, 3]);
        var x = LawsonHanson.Solve(a, b);
        Assert.Equal(1, x[0], 12);
        Assert.Equal(2, x[1], 12);
    }

    [Fact]
    public void Nnls_with_intercept_keeps_coefficients_non_negative_and_intercept_free()
    {
        double[][] x = [[1, 5], [2, 3], [3, 4], [4, 1], [5, 2]];
        var y = x.Select(r => -10 + 2 * r[0] - 1 * r[1]).ToArray();
        var model = new NnlsTrainer(true).Fit(x, y);
        Assert.All(model.Coefficients, c => Assert.True(c >= 0));
        Assert.Equal(0, model.Coefficients[1]);
        // With x2 excluded the fit is the one-variable least squares of y on x1.
        var ols = new RidgeTrainer(0).Fit(x.Select(r => new[] { r[0] }).ToArray(), y);
        Assert.Equal(ols.Coefficients[0], model.Coefficients[0], 10);
        Assert.Equal(ols.Intercept, model.Intercept, 10);
    }

    [Fact]
    public void Stepwise_on_Hald_cement_keeps_x4_then_x1_with_the_reference_coefficients()
    {
        // Spec §8 reference trace: add x4 (p = 5.8e-4), add x1 (p = 1.1e-6), x3 tested at p = 0.0697 and refused.
        var data = Examples.Dataset("draper_smith.csv");
        var x = Enumerable.Range(0, data.RowCount).Select(i => Enumerable.Range(0, 4).Select(j => (double)data.Row(i)[j]!).ToArray()).ToArray();
        var y = Enumerable.Range(0, data.RowCount).Select(i => (double)data.Row(i)[4]!).ToArray();
        var fit = new StepwiseTrainer(0.05, 0.1, true, 100).FitDetailed(x, y);
        Assert.Equal([3, 0], fit.Selected);
        Assert.Equal(103.097, fit.Model.Intercept, 3);
        Assert.Equal(1.440, fit.Model.Coefficients[0], 3);
        Assert.Equal(-0.614, fit.Model.Coefficients[3], 3);
        Assert.Equal(0, fit.Model.Coefficients[1]);
        Assert.Equal(0, fit.Model.Coefficients[2]);
    }

    [Fact]
    public void Stepwise_that_adds_nothing_predicts_zero()
    {
        // Spec §8 QUIRK: pure noise with a strict threshold selects nothing; intercept and coefficients stay 0.
        double[][] x = [[1], [2], [3], [4], [5], [6]];
        double[] y = [3, 1, 4, 1, 5, 2];
        var fit = new StepwiseTrainer(1e-9, 0.1, true, 100).FitDetailed(x, y);
        Assert.Empty(fit.Selected);
        Assert.Equal(0, fit.Model.Predict([3.0]));
    }
}
