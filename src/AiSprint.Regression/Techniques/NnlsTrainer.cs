using MathNet.Numerics.LinearAlgebra;

namespace AiSprint.Regression.Techniques;

/// <summary>
/// NNLS: non-negative coefficients by Lawson–Hanson. With <c>fit_intercept</c> the data are centred first and the
/// intercept (unconstrained) is ȳ − x̄·w, as scikit-learn does for linear models.
/// Deliberate difference (spec §5.2 QUIRK): aMLLibrary's "NNLS" is really <c>Lasso(alpha=0.001, positive=True)</c>,
/// a lightly L1-penalised fit; this is the true non-negative least-squares solution.
/// </summary>
internal sealed record NnlsTrainer(bool FitIntercept) : ITrainer
{
    IRegressor ITrainer.Fit(double[][] x, double[] y) => Fit(x, y);

    public LinearModel Fit(double[][] x, double[] y)
    {
        var p = x.Length == 0 ? 0 : x[0].Length;
        var (means, yMean) = FitIntercept ? LeastSquares.Centres(x, y) : (new double[p], 0.0);
        var a = Matrix<double>.Build.Dense(x.Length, p, (i, j) => x[i][j] - means[j]);
        var b = Vector<double>.Build.Dense(y.Length, i => y[i] - yMean);
        var w = LawsonHanson.Solve(a, b);
        var intercept = FitIntercept ? yMean - w.Select((c, j) => c * means[j]).Sum() : 0.0;
        return new LinearModel(intercept, w);
    }
}
