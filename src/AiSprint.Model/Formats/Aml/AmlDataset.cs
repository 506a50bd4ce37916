namespace AiSprint.Model.Formats.Aml;

/// <summary>A column of an aMLLibrary input CSV, typed as pandas would type it.</summary>
public abstract record AmlColumn(string Name)
{
    /// <summary>The number of rows.</summary>
    public abstract int Count { get; }
}

/// <summary>A column whose every present cell is a number; missing cells (empty, NA, nan…) are NaN, as in pandas.</summary>
public sealed record NumericColumn(string Name, ValueList<double> Values) : AmlColumn(Name)
{
    /// <inheritdoc/>
    public override int Count => Values.Count;
}

/// <summary>A column with at least one non-numeric cell: pandas keeps it as strings and aMLLibrary one-hot encodes it. Missing cells are null.</summary>
public sealed record CategoricalColumn(string Name, ValueList<string?> Values) : AmlColumn(Name)
{
    /// <inheritdoc/>
    public override int Count => Values.Count;
    /// <summary>The distinct text values of the column, in ordinal order (the one-hot columns' order).</summary>
    public IReadOnlyList<string> Categories => Values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}

/// <summary>An aMLLibrary input dataset: columns in file order, every column with <see cref="RowCount"/> cells.</summary>
public sealed record AmlDataset(ValueList<AmlColumn> Columns, int RowCount)
{
    /// <summary>The header's column names, in file order.</summary>
    public IEnumerable<string> ColumnNames => Columns.Select(c => c.Name);

    /// <summary>The column named <paramref name="name"/> (case-sensitive), or null.</summary>
    public AmlColumn? this[string name] => Columns.FirstOrDefault(c => c.Name == name);

    /// <summary>The 1-based line of each row in its file (empty for a dataset not read from a file), for error messages.</summary>
    public ValueList<int> RowLines { get; init; } = ValueList<int>.Empty;

    /// <summary>One row, as doubles and strings (null for a missing categorical cell).</summary>
    public IReadOnlyList<object?> Row(int index) => Columns.Select(c => c switch
    {
        NumericColumn n => (object?)n.Values[index],
        CategoricalColumn s => s.Values[index],
        _ => throw new InvalidOperationException("unknown column kind"),
    }).ToList();
}
