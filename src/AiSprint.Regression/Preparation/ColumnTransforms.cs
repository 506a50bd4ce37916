using System.Globalization;

namespace AiSprint.Regression.Preparation;

/// <summary>
/// The column transformations of spec §3 in their fixed order (rename → one-hot → inverse → log → product →
/// Ernest), shared by training and prediction so both compute identical values.
/// </summary>
internal static class ColumnTransforms
{
    public const string InversePrefix = "inverse_";
    public const string LogPrefix = "log_";
    public const string ClassInfix = "_class_";

    public static void Apply(PreparationPipeline pipeline, Frame frame)
    {
        foreach (var rename in pipeline.Renames) frame.Rename(rename.From, rename.To);
        foreach (var encoding in pipeline.OneHot) OneHot(frame, encoding);
        foreach (var column in pipeline.Inverse) Inverse(frame, column);
        foreach (var column in pipeline.Log) Log(frame, column);
        foreach (var factors in pipeline.Products) Product(frame, factors);
        if (pipeline.Ernest) Ernest(frame);
    }

    /// <summary>The categories of a column as pandas.get_dummies names them (sorted; numbers written as pandas prints them).</summary>
    public static string?[] CategoryTexts(FrameColumn column) =>
        column.Texts ?? column.Numbers!.Select(v => double.IsNaN(v) ? null : FormatCategory(v)).ToArray();

    private static string FormatCategory(double value) =>
        value == Math.Floor(value) && Math.Abs(value) < 1e15 ? ((long)value).ToString(CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);

    private static void OneHot(Frame frame, OneHotEncoding encoding)
    {
        var texts = CategoryTexts(frame[encoding.Column]);
        foreach (var category in encoding.Categories)
        {
            // A category unseen at build time gives all-zero indicators; a missing cell is in no class (get_dummies, dummy_na=False).
            var values = texts.Select(t => string.Equals(t, category, StringComparison.Ordinal) ? 1.0 : 0.0).ToArray();
            frame.Add(OneHotEncoding.ColumnName(encoding.Column, category), FrameColumn.Boolean(values));
        }
    }

    private static void Inverse(Frame frame, string column)
    {
        var values = frame.Numbers(column);
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            // aMLLibrary turns numpy's division warning into an error (spec §3), so 1/0 aborts instead of giving inf.
            if (values[i] == 0) throw new RegressionException($"inverse of column '{column}': row {i} is 0 (division by zero)");
            result[i] = 1.0 / values[i];
        }
        frame.Add(InversePrefix + column, FrameColumn.Numeric(result));
    }

    private static void Log(Frame frame, string column)
    {
        var values = frame.Numbers(column);
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (!(values[i] > 0)) throw new RegressionException($"log of column '{column}': row {i} is {values[i].ToString(CultureInfo.InvariantCulture)}, not positive");
            result[i] = Math.Log(values[i]);
        }
        frame.Add(LogPrefix + column, FrameColumn.Numeric(result));
    }

    public static string ProductName(IReadOnlyList<string> factors) => string.Join("__", factors);

    private static void Product(Frame frame, IReadOnlyList<string> factors)
    {
        var result = Enumerable.Repeat(1.0, frame.RowCount).ToArray();
        foreach (var factor in factors)
        {
            var values = frame.Numbers(factor);
            for (var i = 0; i < result.Length; i++) result[i] *= values[i];
        }
        frame.Add(ProductName(factors), FrameColumn.Numeric(result));
    }

    public static readonly string[] ErnestFeatures = ["datasize_over_cores", "log_cores", "square_datasize_over_cores", "squared_datasize_over_cores"];

    /// <summary>Ernest's features (spec §3), names and QUIRKs included: "square_…" is a square root.</summary>
    private static void Ernest(Frame frame)
    {
        var datasize = frame.Numbers("datasize");
        var cores = frame.Numbers("cores");
        var n = frame.RowCount;
        double[] Column(Func<double, double, double> f) => Enumerable.Range(0, n).Select(i => f(datasize[i], cores[i])).ToArray();
        frame.Add(ErnestFeatures[0], FrameColumn.Numeric(Column((d, c) => d / c)));
        frame.Add(ErnestFeatures[1], FrameColumn.Numeric(Column((_, c) => Math.Log(c))));
        frame.Add(ErnestFeatures[2], FrameColumn.Numeric(Column((d, c) => Math.Sqrt(d / c))));
        frame.Add(ErnestFeatures[3], FrameColumn.Numeric(Column((d, c) => Math.Sqrt(d) / c)));
    }
}
