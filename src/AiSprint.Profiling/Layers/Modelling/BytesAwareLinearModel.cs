using AiSprint.Profiling.Layers.Features;
using MathNet.Numerics.LinearAlgebra;

namespace AiSprint.Profiling.Layers.Modelling;

/// <summary>
/// The document's linear model with a memory term: t = β0 + β1 · operations + β2 · bytes (ms), where bytes are the
/// activations a layer reads and writes. A layer whose time is set by memory traffic rather than arithmetic (a first
/// convolution on 3 channels, a depthwise one, a small map) is one the operation count alone gets wrong; the two
/// slopes are kept non-negative, so the model extrapolates as a cost does. It is fitted by least squares on the
/// <em>relative</em> error (weights 1/t²): the aims are relative, and plain least squares lets the largest layers'
/// absolute residuals decide the line while the smallest layers carry the largest relative errors.
/// </summary>
public sealed record BytesAwareLinearModel(double InterceptMs, double MsPerOperation, double MsPerByte)
{
    /// <summary>The technique's name in scores and <see cref="CategoryModel.Selected"/>.</summary>
    public const string Name = "linear+bytes";

    public double Predict(LayerFeatures features) => Math.Max(0, InterceptMs + MsPerOperation * features.Operations + MsPerByte * Bytes(features));

    public static double Bytes(LayerFeatures features) => features.InputBytes + features.OutputBytes;

    /// <summary>
    /// The relative least-squares fit with non-negative slopes: both terms, else the better of either alone, else a
    /// constant. Null without a row of positive time.
    /// </summary>
    public static BytesAwareLinearModel? Fit(IReadOnlyList<LayerSample> rows)
    {
        var usable = rows.Where(r => r.Milliseconds > 0).ToList();
        if (usable.Count == 0) return null;
        BytesAwareLinearModel? best = null;
        var bestResidual = double.PositiveInfinity;
        foreach (var (useOperations, useBytes) in new[] { (true, true), (true, false), (false, true), (false, false) })
        {
            var terms = 1 + (useOperations ? 1 : 0) + (useBytes ? 1 : 0);
            // Fewer rows than terms would interpolate; a constant always fits.
            if (usable.Count < terms) continue;
            if (Solve(usable, useOperations, useBytes) is not { } model) continue;
            if (model.MsPerOperation < 0 || model.MsPerByte < 0) continue;
            var residual = usable.Sum(r => Math.Pow((model.InterceptMs + model.MsPerOperation * r.Features.Operations + model.MsPerByte * Bytes(r.Features) - r.Milliseconds) / r.Milliseconds, 2));
            // A smaller model must do strictly better to win over a larger one that already fits with valid signs.
            if (residual < bestResidual - 1e-12)
            {
                (best, bestResidual) = (model, residual);
            }
        }
        return best;
    }

    private static BytesAwareLinearModel? Solve(IReadOnlyList<LayerSample> rows, bool useOperations, bool useBytes)
    {
        // Columns scaled to at most 1 so that 1e9 operations and 1e7 bytes do not ruin the conditioning.
        var operationScale = useOperations ? Math.Max(1, rows.Max(r => r.Features.Operations)) : 1;
        var byteScale = useBytes ? Math.Max(1, rows.Max(r => Bytes(r.Features))) : 1;
        var design = Matrix<double>.Build.DenseOfRowArrays(rows.Select(r =>
        {
            var w = 1 / r.Milliseconds;
            var row = new List<double> { w };
            if (useOperations) row.Add(w * r.Features.Operations / operationScale);
            if (useBytes) row.Add(w * Bytes(r.Features) / byteScale);
            return row.ToArray();
        }));
        var target = Vector<double>.Build.Dense(rows.Count, 1.0);
        if (design.Rank() < design.ColumnCount) return null;
        var beta = design.QR().Solve(target);
        var at = 1;
        var perOperation = useOperations ? beta[at++] / operationScale : 0;
        var perByte = useBytes ? beta[at] / byteScale : 0;
        return new BytesAwareLinearModel(beta[0], perOperation, perByte);
    }
}
