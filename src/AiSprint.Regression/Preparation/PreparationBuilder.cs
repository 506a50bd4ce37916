using AiSprint.Model;
using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Validation.Python;

namespace AiSprint.Regression.Preparation;

/// <summary>
/// Builds a <see cref="PreparationPipeline"/> from <c>[DataPreparation]</c> following spec §3 step by step,
/// tracking aMLLibrary's <c>x_columns</c> list, then applies it to the campaign dataset.
/// </summary>
internal static class PreparationBuilder
{
    public static PreparedData Prepare(AmlConfiguration configuration, AmlDataset dataset)
    {
        var prep = configuration.DataPreparation;
        var general = configuration.General;
        CheckErnestCompatibility(prep);
        var frame = Frame.From(dataset);
        var renames = (prep.RenameColumns ?? ValueList<ColumnRename>.Empty).Select(r => new RenamedColumn(r.From, r.To)).ToList();
        foreach (var r in renames) frame.Rename(r.From, r.To);
        string Renamed(string name) => renames.FirstOrDefault(r => r.From == name)?.To ?? name;
        if (!frame.Contains(general.Y)) throw new RegressionException($"the target column y = '{general.Y}' does not exist in '{configuration.DataPreparation.InputPath}' (columns: {string.Join(", ", dataset.ColumnNames)})")
        {
            Setting = ("General", "y"),
        };

        // x_columns: every column but y, in CSV order. aMLLibrary builds it before renaming and does not rename it
        // (a crash unless Ernest replaces it, spec §3); here it follows the renames so rename_columns works alone.
        var x = dataset.ColumnNames.Select(Renamed).Where(c => c != general.Y).ToList();

        var all = Enumerable.Range(0, frame.RowCount).Where(i => !IsSkipped(frame, prep.SkipRows, i)).ToList();

        if (prep.UseColumns is { } use)
        {
            foreach (var c in use.Where(c => !frame.Contains(c))) throw new RegressionException($"use_columns names '{c}', which is not a column of the data");
            x = [.. use];
        }
        else if (prep.SkipColumns is { } skip)
        {
            x = x.Where(c => !skip.Contains(c)).ToList();
        }

        var boolean = new HashSet<string>(StringComparer.Ordinal);
        var oneHot = new List<OneHotEncoding>();
        var forced = prep.CategoricalColumns ?? ValueList<string>.Empty;
        foreach (var column in x.ToList())
        {
            var data = frame[column];
            if (!data.IsCategorical && !forced.Contains(column)) continue;
            // pandas.get_dummies sorts the distinct values; the new columns take the original's place in x_columns.
            var categories = ColumnTransforms.CategoryTexts(data).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var encoding = new OneHotEncoding(column, categories);
            oneHot.Add(encoding);
            var names = categories.Select(c => OneHotEncoding.ColumnName(column, c)).ToList();
            boolean.UnionWith(names);
            var at = x.IndexOf(column);
            x.RemoveAt(at);
            x.InsertRange(at, names);
        }

        var (training, external) = ExternalSplit(configuration, frame, all);

        var inverse = Resolve(prep.Inverse, x, boolean, frame, "inverse");
        x.AddRange(inverse.Select(c => ColumnTransforms.InversePrefix + c));
        var log = Resolve(prep.Log, x, boolean, frame, "log");
        x.AddRange(log.Select(c => ColumnTransforms.LogPrefix + c));

        var products = Products(prep, x, oneHot);
        x.AddRange(products.Select(ColumnTransforms.ProductName));

        var ernest = prep.Ernest == true;
        if (ernest) x = [.. ColumnTransforms.ErnestFeatures];

        var pipeline = new PreparationPipeline(general.Y, renames, oneHot, inverse, log, products, ernest, x);
        ColumnTransforms.Apply(pipeline with { Renames = [] }, frame);
        var matrix = PipelineApplication.Matrix(pipeline, frame);
        var y = frame.Numbers(general.Y);
        Check(pipeline, matrix, y);
        return new PreparedData(pipeline, matrix, y, all, training, external);
    }

    /// <summary>aMLLibrary refuses Ernest together with column selection, inverse, products or normalisation (it replaces the features).</summary>
    private static void CheckErnestCompatibility(AmlDataPreparation prep)
    {
        if (prep.Ernest != true) return;
        var clashes = new List<string>();
        if (prep.UseColumns is not null || prep.SkipColumns is not null) clashes.Add("use_columns/skip_columns");
        if (prep.Inverse is not null) clashes.Add("inverse");
        if (prep.ProductMaxDegree is not null || prep.SelectedProducts is not null) clashes.Add("products");
        if (prep.Normalization == true) clashes.Add("normalization");
        if (clashes.Count > 0) throw new RegressionException($"ernest = True cannot be combined with {string.Join(", ", clashes)}");
    }

    /// <summary>skip_rows: a row leaves <c>training</c> and <c>all</c> when a listed column is strictly above its bound.</summary>
    private static bool IsSkipped(Frame frame, IReadOnlyList<ColumnBound>? bounds, int row) =>
        bounds is not null && bounds.Any(b => frame.Numbers(b.Column)[row] > b.Bound);

    /// <summary>
    /// Extrapolation / Interpolation validation sets are chosen during preparation on the raw values (spec §3).
    /// QUIRK kept: they re-scan every row, so rows dropped by skip_rows come back into training.
    /// </summary>
    private static (List<int> Training, List<int>? Validation) ExternalSplit(AmlConfiguration configuration, Frame frame, List<int> all)
    {
        var general = configuration.General;
        var rows = Enumerable.Range(0, frame.RowCount).ToList();
        switch (general.Validation)
        {
            case AmlSplit.Extrapolation:
            {
                var bounds = general.ExtrapolationColumns ?? throw new RegressionException("validation = Extrapolation needs extrapolation_columns");
                var renamed = bounds.Select(b => b with { Column = RenamedName(configuration, b.Column) }).ToList();
                var validation = rows.Where(i => renamed.Any(b => frame.Numbers(b.Column)[i] > b.Bound)).ToList();
                return (rows.Except(validation).ToList(), validation);
            }
            case AmlSplit.Interpolation:
            {
                var columns = general.InterpolationColumns ?? throw new RegressionException("validation = Interpolation needs interpolation_columns");
                var chosen = columns.Select(c => (Values: frame.Numbers(RenamedName(configuration, c.Column)), Picked: InterpolationValues(frame.Numbers(RenamedName(configuration, c.Column)), c))).ToList();
                var validation = rows.Where(i => chosen.Any(c => c.Picked.Contains(c.Values[i]))).ToList();
                // aMLLibrary builds training as list(set(index) - set(validation)): CPython set order, which later HoldOut/KFold draws sample from.
                return (PythonIntSet.FromList(rows).Minus(PythonIntSet.FromList(validation)).ToList(), validation);
            }
            default:
                return (all, null);
        }
    }

    private static string RenamedName(AmlConfiguration configuration, string name) =>
        configuration.DataPreparation.RenameColumns?.FirstOrDefault(r => r.From == name)?.To ?? name;

    /// <summary>A list means "these values"; a number h means every h-th distinct value in increasing order from the smallest.</summary>
    private static HashSet<double> InterpolationValues(double[] values, InterpolationColumn column) => column.Selector switch
    {
        IniList list => list.Items.Select(Number).ToHashSet(),
        IniInteger or IniFloat => values.Distinct().Order().Where((_, i) => i % (int)Number(column.Selector) == 0).ToHashSet(),
        _ => throw new RegressionException($"interpolation_columns['{column.Column}'] must be a number or a list of numbers, not {column.Selector.ToPython()}"),
    };

    private static double Number(IniValue value) => value switch
    {
        IniInteger i => (double)i.Value,
        IniFloat f => f.Value,
        _ => throw new RegressionException($"{value.ToPython()} is not a number"),
    };

    /// <summary>inverse / log column lists: <c>[*]</c> = the current x_columns; booleans are skipped silently, text aborts (spec §3).</summary>
    private static List<string> Resolve(ColumnSet? set, List<string> x, HashSet<string> boolean, Frame frame, string step)
    {
        if (set is null) return [];
        var columns = set.AllColumns ? x.ToList() : set.Columns.ToList();
        var result = new List<string>();
        foreach (var column in columns)
        {
            if (boolean.Contains(column)) continue;
            if (frame[column].IsCategorical) throw new RegressionException($"{step} of column '{column}': the column holds text")
            {
                Setting = ("DataPreparation", step),
                TextColumn = column,
            };
            result.Add(column);
        }
        return result;
    }

    /// <summary>Products (spec §3): selected_products verbatim, else every combination of the sorted x_columns of degree 2..d.</summary>
    private static List<IReadOnlyList<string>> Products(AmlDataPreparation prep, List<string> x, List<OneHotEncoding> oneHot)
    {
        var result = new List<IReadOnlyList<string>>();
        if (prep.SelectedProducts is { } selected)
        {
            foreach (var text in selected)
            {
                var factors = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (!x.Contains(ColumnTransforms.ProductName(factors))) result.Add(factors);
            }
            return result;
        }
        if (prep.ProductMaxDegree is not { } degree) return result;
        var maxDegree = degree.Degree ?? x.Count;
        // Byte order, upper case first, like Python's sorted().
        var sorted = x.Order(StringComparer.Ordinal).ToArray();
        var existing = new HashSet<string>(x, StringComparer.Ordinal);
        var withRepetition = prep.ProductInteractionsOnly != true;
        for (var d = 2; d <= maxDegree; d++)
        {
            foreach (var combination in Combinations(sorted.Length, d, withRepetition))
            {
                var factors = combination.Select(i => sorted[i]).ToArray();
                if (Excluded(factors)) continue;
                var name = ColumnTransforms.ProductName(factors);
                // aMLLibrary warns and skips a product whose name already exists.
                if (!existing.Add(name)) continue;
                result.Add(factors);
            }
        }
        return result;
    }

    /// <summary>Skip X·inverse_X, and two indicators of the same one-hot column (which also skips their squares).</summary>
    private static bool Excluded(string[] factors)
    {
        for (var a = 0; a < factors.Length; a++)
        {
            for (var b = 0; b < factors.Length; b++)
            {
                if (a == b) continue;
                if (factors[b] == ColumnTransforms.InversePrefix + factors[a]) return true;
                var ia = factors[a].IndexOf(ColumnTransforms.ClassInfix, StringComparison.Ordinal);
                var ib = factors[b].IndexOf(ColumnTransforms.ClassInfix, StringComparison.Ordinal);
                if (ia >= 0 && ib >= 0 && factors[a][..ia] == factors[b][..ib]) return true;
            }
        }
        return false;
    }

    /// <summary>itertools.combinations / combinations_with_replacement, in their lexicographic order.</summary>
    internal static IEnumerable<int[]> Combinations(int n, int k, bool withRepetition)
    {
        if (k > n && !withRepetition) yield break;
        var index = new int[k];
        for (var i = 0; i < k; i++) index[i] = withRepetition ? 0 : i;
        while (true)
        {
            yield return (int[])index.Clone();
            var pos = k - 1;
            while (pos >= 0 && index[pos] == (withRepetition ? n - 1 : n - k + pos)) pos--;
            if (pos < 0) yield break;
            index[pos]++;
            for (var j = pos + 1; j < k; j++) index[j] = withRepetition ? index[pos] : index[j - 1] + 1;
        }
    }

    /// <summary>Data check (spec §3): no NaN or infinity in the features or the target.</summary>
    private static void Check(PreparationPipeline pipeline, double[][] x, double[] y)
    {
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsFinite(y[i])) throw new RegressionException($"row {i}: the target '{pipeline.Target}' is {y[i]} (NaN or infinite)");
            for (var j = 0; j < x[i].Length; j++)
            {
                if (!double.IsFinite(x[i][j])) throw new RegressionException($"row {i}: feature '{pipeline.Features[j]}' is {x[i][j]} (NaN or infinite)");
            }
        }
    }
}
