using AiSprint.Model.Formats.Aml;

namespace AiSprint.Regression.Preparation;

/// <summary>One column of a <see cref="Frame"/>: numbers (booleans stored as 0/1) or raw strings.</summary>
internal sealed record FrameColumn(double[]? Numbers, string?[]? Texts, bool IsBoolean)
{
    public bool IsCategorical => Texts is not null;

    public static FrameColumn Numeric(double[] values) => new(values, null, false);
    public static FrameColumn Boolean(double[] values) => new(values, null, true);
}

/// <summary>
/// The analogue of aMLLibrary's pandas DataFrame: named columns in insertion order, every row kept (rows are
/// never physically dropped, spec §3); derived columns are appended at the end.
/// </summary>
internal sealed class Frame
{
    private readonly Dictionary<string, FrameColumn> _columns = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public Frame(int rowCount) => RowCount = rowCount;

    public int RowCount { get; }
    public IReadOnlyList<string> Names => _order;

    public static Frame From(AmlDataset dataset)
    {
        var frame = new Frame(dataset.RowCount);
        foreach (var column in dataset.Columns)
        {
            frame.Add(column.Name, column switch
            {
                NumericColumn n => FrameColumn.Numeric(n.Values.ToArray()),
                CategoricalColumn c => new FrameColumn(null, c.Values.ToArray(), false),
                _ => throw new InvalidOperationException("unknown column kind"),
            });
        }
        return frame;
    }

    public bool Contains(string name) => _columns.ContainsKey(name);

    public FrameColumn this[string name] =>
        _columns.TryGetValue(name, out var column) ? column : throw new RegressionException($"column '{name}' does not exist in the data (columns: {string.Join(", ", _order)})");

    public double[] Numbers(string name) =>
        this[name].Numbers ?? throw new RegressionException($"column '{name}' is not numeric (it holds text) and cannot be used here");

    /// <summary>Adds or replaces a column (replacing keeps its position, as assigning a pandas column does).</summary>
    public void Add(string name, FrameColumn column)
    {
        if (!_columns.ContainsKey(name)) _order.Add(name);
        _columns[name] = column;
    }

    public void Rename(string from, string to)
    {
        // pandas.rename ignores absent keys; so do we.
        if (!_columns.Remove(from, out var column)) return;
        _order[_order.IndexOf(from)] = to;
        _columns[to] = column;
    }
}
