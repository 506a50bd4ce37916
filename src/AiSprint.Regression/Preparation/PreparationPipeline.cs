namespace AiSprint.Regression.Preparation;

/// <summary>A <c>rename_columns</c> entry, resolved.</summary>
public sealed record RenamedColumn(string From, string To);

/// <summary>One-hot encoding of one categorical column: the categories seen when the pipeline was built, in the order of the new columns.</summary>
public sealed record OneHotEncoding(string Column, IReadOnlyList<string> Categories)
{
    /// <summary>aMLLibrary's naming (spec §3): pandas.get_dummies with prefix <c>&lt;col&gt;_class</c>.</summary>
    public static string ColumnName(string column, string category) => $"{column}_class_{category}";
}

/// <summary>
/// The data preparation of spec §3, resolved against the training data so that it can be replayed on new rows:
/// every <c>[*]</c> expanded, every product listed, the categories of every one-hot column fixed. Applying it to
/// a dataset reproduces aMLLibrary's column names and values; <see cref="Features"/> are the model's
/// <c>x_columns</c> in model order. Skipping rows and the validation split are not part of it: like
/// aMLLibrary's <c>predict</c>, prediction re-applies only the column transformations (spec §9).
/// </summary>
public sealed record PreparationPipeline(
    string Target,
    IReadOnlyList<RenamedColumn> Renames,
    IReadOnlyList<OneHotEncoding> OneHot,
    IReadOnlyList<string> Inverse,
    IReadOnlyList<string> Log,
    IReadOnlyList<IReadOnlyList<string>> Products,
    bool Ernest,
    IReadOnlyList<string> Features);
