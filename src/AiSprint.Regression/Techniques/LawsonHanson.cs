using MathNet.Numerics.LinearAlgebra;

namespace AiSprint.Regression.Techniques;

/// <summary>
/// Non-negative least squares, min ‖Ax − b‖ subject to x ≥ 0, by the Lawson–Hanson active-set algorithm
/// (Solving Least Squares Problems, 1974, ch. 23). Tolerance as in MATLAB's lsqnonneg: 10·ε·‖A‖₁·max(m, n).
/// </summary>
internal static class LawsonHanson
{
    public static double[] Solve(Matrix<double> a, Vector<double> b)
    {
        var n = a.ColumnCount;
        var x = Vector<double>.Build.Dense(n);
        var passive = new bool[n];
        var tolerance = 10 * MathNet.Numerics.Precision.DoublePrecision * a.L1Norm() * Math.Max(a.RowCount, n);
        var w = a.TransposeThisAndMultiply(b - a * x);
        for (var outer = 0; outer < 3 * n + 10; outer++)
        {
            var t = -1;
            for (var j = 0; j < n; j++) if (!passive[j] && w[j] > tolerance && (t < 0 || w[j] > w[t])) t = j;
            if (t < 0) break;
            passive[t] = true;
            var s = Restricted(a, b, passive);
            // Inner loop: step back towards the feasible region until every passive coefficient is positive.
            while (Enumerable.Range(0, n).Any(j => passive[j] && s[j] <= 0))
            {
                var step = Enumerable.Range(0, n).Where(j => passive[j] && s[j] <= 0).Min(j => x[j] / (x[j] - s[j]));
                x += (s - x) * step;
                for (var j = 0; j < n; j++) if (passive[j] && Math.Abs(x[j]) <= tolerance) { passive[j] = false; x[j] = 0; }
                s = Restricted(a, b, passive);
            }
            x = s;
            w = a.TransposeThisAndMultiply(b - a * x);
        }
        return x.ToArray();
    }

    /// <summary>Unconstrained least squares on the passive columns (QR); the others are 0.</summary>
    private static Vector<double> Restricted(Matrix<double> a, Vector<double> b, bool[] passive)
    {
        var columns = Enumerable.Range(0, passive.Length).Where(j => passive[j]).ToArray();
        var result = Vector<double>.Build.Dense(passive.Length);
        if (columns.Length == 0) return result;
        var sub = Matrix<double>.Build.Dense(a.RowCount, columns.Length, (i, k) => a[i, columns[k]]);
        var solution = sub.Svd().Solve(b);
        for (var k = 0; k < columns.Length; k++) result[columns[k]] = solution[k];
        return result;
    }
}
