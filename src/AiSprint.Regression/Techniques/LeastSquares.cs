using MathNet.Numerics.LinearAlgebra;

namespace AiSprint.Regression.Techniques;

/// <summary>Shared linear-algebra helpers (MathNet): design matrices and centring as scikit-learn does it.</summary>
internal static class LeastSquares
{
    public static Matrix<double> Design(double[][] x, IReadOnlyList<int> columns, bool intercept)
    {
        var offset = intercept ? 1 : 0;
        return Matrix<double>.Build.Dense(x.Length, columns.Count + offset, (i, j) => intercept && j == 0 ? 1.0 : x[i][columns[j - offset]]);
    }

    public static (double[] Means, double Mean) Centres(double[][] x, double[] y)
    {
        var p = x.Length == 0 ? 0 : x[0].Length;
        var means = new double[p];
        for (var j = 0; j < p; j++) means[j] = x.Average(r => r[j]);
        return (means, y.Average());
    }
}
