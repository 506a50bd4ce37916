using AiSprint.Profiling.Layers.Features;
using MathNet.Numerics.LinearAlgebra;

namespace AiSprint.Profiling.Layers.Modelling;

/// <summary>
/// The document's linear model with memory terms: t = β0 + β1 · operations + β2 · bytes read + β3 · bytes written (ms),
/// the bytes being the layer's activations. A layer whose time is set by memory traffic rather than arithmetic (a first
/// convolution on 3 channels writing the network's largest map, a depthwise one) is one the operation count alone gets
/// wrong. The slopes are kept non-negative (a term whose slope would come out negative is left out: a layer that moves
/// more data is never predicted faster), so the model extrapolates as a cost does. It is fitted by least squares on the
/// <em>relative</em> error (weights 1/t²): the aims are relative, and plain least squares lets the largest layers'
/// absolute residuals place the line while the smallest layers carry the largest relative errors.
/// </summary>
public sealed record BytesAwareLinearModel(double InterceptMs, double MsPerOperation, double MsPerByteRead, double MsPerByteWritten)
{
    /// <summary>The technique's name in scores and <see cref="CategoryModel.Selected"/>.</summary>
    public const string Name = "linear+bytes";

    /// <summary>The layer's predicted time in ms, never below 0.</summary>
    public double Predict(LayerFeatures features) =>
        Math.Max(0, InterceptMs + MsPerOperation * features.Operations + MsPerByteRead * features.InputBytes + MsPerByteWritten * features.OutputBytes);

    /// <summary>
    /// The relative least-squares fit with non-negative slopes: of every subset of the three terms (with the intercept)
    /// whose fit has no negative slope, the one with the smallest sum of squared relative residuals. Null without a row of
    /// positive time.
    /// </summary>
    public static BytesAwareLinearModel? Fit(IReadOnlyList<LayerSample> rows)
    {
        var usable = rows.Where(r => r.Milliseconds > 0).ToList();
        if (usable.Count == 0) return null;
        BytesAwareLinearModel? best = null;
        var bestResidual = double.PositiveInfinity;
        // Larger subsets first: a smaller one must do strictly better to replace one that already fits with valid signs.
        foreach (var mask in new[] { 7, 3, 5, 6, 1, 2, 4, 0 })
        {
            var terms = 1 + ((mask & 1) != 0 ? 1 : 0) + ((mask & 2) != 0 ? 1 : 0) + ((mask & 4) != 0 ? 1 : 0);
            // Fewer rows than terms would interpolate; a constant always fits.
            if (usable.Count < terms) continue;
            if (Solve(usable, mask) is not { } model) continue;
            if (model.MsPerOperation < 0 || model.MsPerByteRead < 0 || model.MsPerByteWritten < 0) continue;
            var residual = usable.Sum(r => Math.Pow((model.Raw(r.Features) - r.Milliseconds) / r.Milliseconds, 2));
            if (residual < bestResidual - 1e-12) (best, bestResidual) = (model, residual);
        }
        return best;
    }

    private double Raw(LayerFeatures f) => InterceptMs + MsPerOperation * f.Operations + MsPerByteRead * f.InputBytes + MsPerByteWritten * f.OutputBytes;

    /// <param name="mask">1 operations, 2 bytes read, 4 bytes written.</param>
    private static BytesAwareLinearModel? Solve(IReadOnlyList<LayerSample> rows, int mask)
    {
        Func<LayerFeatures, double>[] all = [f => f.Operations, f => f.InputBytes, f => f.OutputBytes];
        var used = Enumerable.Range(0, 3).Where(j => (mask & (1 << j)) != 0).ToArray();
        // Columns scaled to at most 1 so that 1e9 operations and 1e7 bytes do not ruin the conditioning.
        var scales = used.Select(j => Math.Max(1, rows.Max(r => all[j](r.Features)))).ToArray();
        var design = Matrix<double>.Build.DenseOfRowArrays(rows.Select(r =>
        {
            var w = 1 / r.Milliseconds;
            return used.Select((j, k) => w * all[j](r.Features) / scales[k]).Prepend(w).ToArray();
        }));
        if (design.Rank() < design.ColumnCount) return null;
        var beta = design.QR().Solve(Vector<double>.Build.Dense(rows.Count, 1.0));
        var slopes = new double[3];
        for (var k = 0; k < used.Length; k++) slopes[used[k]] = beta[k + 1] / scales[k];
        return new BytesAwareLinearModel(beta[0], slopes[0], slopes[1], slopes[2]);
    }
}
