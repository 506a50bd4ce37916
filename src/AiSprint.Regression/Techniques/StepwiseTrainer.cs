using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace AiSprint.Regression.Techniques;

/// <summary>The outcome of a stepwise fit: the model and the features kept, in selection order.</summary>
internal sealed record StepwiseFit(LinearModel Model, IReadOnlyList<int> Selected);

/// <summary>
/// Draper–Smith stepwise regression as aMLLibrary implements it (Octave <c>stepwisefit</c> style, spec §8):
/// forward step tests only the unused feature most correlated with the residuals (t-test p &lt; p_to_add),
/// backward step removes the selected feature with the smallest |t| when p &gt; p_to_remove.
/// </summary>
internal sealed record StepwiseTrainer(double PToAdd, double PToRemove, bool FitIntercept, int MaxIter) : ITrainer
{
    IRegressor ITrainer.Fit(double[][] x, double[] y) => Fit(x, y);

    public LinearModel Fit(double[][] x, double[] y) => FitDetailed(x, y).Model;

    public StepwiseFit FitDetailed(double[][] x, double[] y)
    {
        var n = x.Length;
        var p = n == 0 ? 0 : x[0].Length;
        // Columns constant on the training rows are dropped before starting.
        var candidates = Enumerable.Range(0, p).Where(j => x.Any(r => r[j] != x[0][j])).ToList();
        var selected = new List<int>();
        double[]? coefficients = null;
        var residuals = (double[])y.Clone();
        var changed = true;
        for (var iteration = 0; changed && iteration < MaxIter; iteration++)
        {
            changed = false;
            var unused = candidates.Where(j => !selected.Contains(j)).ToList();
            if (unused.Count > 0)
            {
                var candidate = unused.OrderByDescending(j => Math.Abs(Correlation(x, j, residuals))).First();
                var trial = selected.Append(candidate).ToList();
                if (Ols(x, y, trial) is { } fit)
                {
                    var k = fit.Beta.Length - 1; // the candidate is the last coefficient
                    var critical = StudentT.InvCDF(0, 1, fit.Dof, 1 - PToAdd / 2);
                    if (Math.Abs(fit.Beta[k]) > critical * fit.Se[k])
                    {
                        selected = trial;
                        coefficients = fit.Beta;
                        residuals = fit.Residuals;
                        changed = true;
                    }
                }
            }
            if (selected.Count > 0 && coefficients is not null && Ols(x, y, selected) is { } current)
            {
                var offset = FitIntercept ? 1 : 0;
                var weakest = Enumerable.Range(0, selected.Count).OrderBy(i => Math.Abs(current.Beta[i + offset] / current.Se[i + offset])).First();
                var t = Math.Abs(current.Beta[weakest + offset] / current.Se[weakest + offset]);
                // |t| < t_{1−p_to_remove/2} ⇔ two-sided p > p_to_remove; dof = n − k − 1 with intercept, n − k without.
                var dof = n - selected.Count - offset;
                if (dof > 0 && t < StudentT.InvCDF(0, 1, dof, 1 - PToRemove / 2))
                {
                    selected.RemoveAt(weakest);
                    var refit = selected.Count > 0 ? Ols(x, y, selected) : null;
                    coefficients = refit?.Beta;
                    residuals = refit?.Residuals ?? (double[])y.Clone();
                    changed = true;
                }
            }
        }
        return new StepwiseFit(Model(p, selected, coefficients), selected);
    }

    private LinearModel Model(int p, List<int> selected, double[]? beta)
    {
        var coefficients = new double[p];
        // QUIRK kept (spec §8): nothing selected → intercept and coefficients 0, predicting 0 rather than mean(y).
        if (beta is null || selected.Count == 0) return new LinearModel(0, coefficients);
        var offset = FitIntercept ? 1 : 0;
        for (var i = 0; i < selected.Count; i++) coefficients[selected[i]] = beta[i + offset];
        return new LinearModel(FitIntercept ? beta[0] : 0, coefficients);
    }

    private sealed record OlsFit(double[] Beta, double[] Se, double[] Residuals, int Dof);

    /// <summary>OLS by QR with standard errors; null on numerical failure or no residual degrees of freedom.</summary>
    private OlsFit? Ols(double[][] x, double[] y, IReadOnlyList<int> columns)
    {
        var design = LeastSquares.Design(x, columns, FitIntercept);
        var dof = x.Length - design.ColumnCount;
        if (dof <= 0) return null;
        var qr = design.QR();
        var r = qr.R;
        for (var i = 0; i < r.ColumnCount; i++) if (Math.Abs(r[i, i]) < 1e-12 * Math.Max(1, r.L1Norm())) return null;
        var yv = Vector<double>.Build.Dense(y);
        var beta = qr.Solve(yv);
        var residuals = yv - design * beta;
        var sigma2 = residuals.DotProduct(residuals) / dof;
        var rInverse = r.SubMatrix(0, r.ColumnCount, 0, r.ColumnCount).Inverse();
        var covariance = rInverse * rInverse.Transpose() * sigma2;
        var se = Enumerable.Range(0, beta.Count).Select(i => Math.Sqrt(covariance[i, i])).ToArray();
        if (se.Any(s => !double.IsFinite(s)) || beta.Any(b => !double.IsFinite(b))) return null;
        return new OlsFit(beta.ToArray(), se, residuals.ToArray(), dof);
    }

    private static double Correlation(double[][] x, int column, double[] residuals)
    {
        var n = x.Length;
        var mx = x.Average(r => r[column]);
        var my = residuals.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i][column] - mx;
            var dy = residuals[i] - my;
            sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.Sqrt(sxx * syy);
    }
}
