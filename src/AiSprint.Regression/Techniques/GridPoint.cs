using AiSprint.Model.Formats.Aml;

namespace AiSprint.Regression.Techniques;

/// <summary>One hyper-parameter value of a grid point.</summary>
public sealed record HyperparameterSetting(string Name, IniValue Value)
{
    /// <summary>As aMLLibrary prints it in signatures and results (Python <c>repr</c>).</summary>
    public override string ToString() => $"{Name}={Value.ToPython()}";
}

/// <summary>
/// One point of a technique's grid (spec §5.1): a value per option of the section, in option order.
/// aMLLibrary's leading <c>dummy = 0</c> is left out; it never reaches an estimator.
/// </summary>
public sealed record GridPoint(IReadOnlyList<HyperparameterSetting> Settings)
{
    internal static readonly GridPoint Empty = new([]);

    internal IniValue? this[string name] => Settings.FirstOrDefault(s => s.Name == name)?.Value;

    /// <inheritdoc/>
    public override string ToString() => "[" + string.Join(", ", Settings) + "]";

    /// <summary>The Cartesian product of the lists, first option outermost (itertools.product order).</summary>
    public static IReadOnlyList<GridPoint> Expand(TechniqueGrid? grid)
    {
        if (grid is null) return [Empty];
        IEnumerable<IReadOnlyList<HyperparameterSetting>> points = [[]];
        foreach (var parameter in grid.Parameters)
        {
            var values = parameter.Values.Select(v => v switch
            {
                FixedValue f => f.Value,
                // Grid search only: with Hyperopt the campaign builds a Tuning.SearchSpace instead (spec §7.3).
                Prior prior => throw new RegressionException(
                    $"[{grid.Technique}] {parameter.Name} = '{prior.PriorText()}' is a Hyperopt prior; it needs hyperparameter_tuning = Hyperopt"),
                _ => throw new InvalidOperationException("unknown grid value"),
            }).ToList();
            points = points.SelectMany(p => values.Select(v => (IReadOnlyList<HyperparameterSetting>)[.. p, new HyperparameterSetting(parameter.Name, v)])).ToList();
        }
        return points.Select(p => new GridPoint(p)).ToList();
    }
}
