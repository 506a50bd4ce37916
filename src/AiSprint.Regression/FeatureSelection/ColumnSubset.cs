using AiSprint.Regression.Techniques;

namespace AiSprint.Regression.FeatureSelection;

/// <summary>
/// A model fitted on a subset of the feature columns (spec §7.1: "the estimator is refitted on the selected
/// columns"). It receives whole rows (after normalisation, if configured) and hands the inner model only
/// <see cref="Columns"/>, in ascending column order.
/// </summary>
internal sealed class ColumnSubsetRegressor(IReadOnlyList<int> columns, IRegressor inner) : IRegressor
{
    public IReadOnlyList<int> Columns { get; } = columns;

    public IRegressor Inner { get; } = inner;

    public double Predict(IReadOnlyList<double> x) => Inner.Predict(ColumnSubset.Project(x, Columns));
}

/// <summary>Fits the inner trainer on fixed columns; used for the final retrain of a selected experiment (spec §6.4).</summary>
internal sealed class ColumnSubsetTrainer(ITrainer inner, IReadOnlyList<int> columns) : ITrainer
{
    public IRegressor Fit(double[][] x, double[] y) =>
        new ColumnSubsetRegressor(columns, inner.Fit(x.Select(row => ColumnSubset.Project(row, columns)).ToArray(), y));
}

internal static class ColumnSubset
{
    public static double[] Project(IReadOnlyList<double> row, IReadOnlyList<int> columns)
    {
        var result = new double[columns.Count];
        for (var j = 0; j < result.Length; j++) result[j] = row[columns[j]];
        return result;
    }
}
