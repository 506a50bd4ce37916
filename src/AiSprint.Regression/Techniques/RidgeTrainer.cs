using MathNet.Numerics.LinearAlgebra;

namespace AiSprint.Regression.Techniques;

/// <summary>
/// LRRidge = scikit-learn <c>Ridge(alpha)</c> (spec §5.2) with its default <c>fit_intercept=True</c>: X and y are
/// centred on the training means, (XcᵀXc + αI)w = Xcᵀyc is solved, and intercept = ȳ − x̄·w, so the intercept
/// is not penalised.
/// </summary>
internal sealed record RidgeTrainer(double Alpha) : ITrainer
{
    IRegressor ITrainer.Fit(double[][] x, double[] y) => Fit(x, y);

    public LinearModel Fit(double[][] x, double[] y)
    {
        var (means, yMean) = LeastSquares.Centres(x, y);
        var p = means.Length;
        var xc = Matrix<double>.Build.Dense(x.Length, p, (i, j) => x[i][j] - means[j]);
        var yc = Vector<double>.Build.Dense(y.Length, i => y[i] - yMean);
        var gram = xc.TransposeThisAndMultiply(xc) + Matrix<double>.Build.DenseIdentity(p) * Alpha;
        // Cholesky is exact for α > 0 (positive definite); α = 0 on collinear data falls back to least squares via SVD.
        var w = Alpha > 0 ? gram.Cholesky().Solve(xc.TransposeThisAndMultiply(yc)) : xc.Svd().Solve(yc);
        var intercept = yMean - w.DotProduct(Vector<double>.Build.Dense(means));
        return new LinearModel(intercept, w.ToArray());
    }
}
