namespace AiSprint.Model.Formats.Aml;

/// <summary>Writes an <see cref="AmlConfiguration"/> as .ini text that aMLLibrary reads back to an equal model.</summary>
internal static class AmlConfigurationWriter
{
    public static string Write(AmlConfiguration configuration) => IniWriter.Write(Sections(configuration));

    public static IEnumerable<IniWriter.Section> Sections(AmlConfiguration c)
    {
        yield return new IniWriter.Section(AmlConfigurationBinder.General, General(c.General).ToList());
        yield return new IniWriter.Section(AmlConfigurationBinder.DataPreparation, DataPreparation(c.DataPreparation).ToList());
        if (c.FeatureSelection is { } fs) yield return new IniWriter.Section(AmlConfigurationBinder.FeatureSelection, FeatureSelection(fs).ToList());
        foreach (var grid in c.Grids)
        {
            yield return new IniWriter.Section(grid.Technique.ToString(),
                grid.Parameters.Select(p => (p.Name, IniWriter.Format(new IniList(p.Values.Select(v => v.ToIni()).ToValueList())))).ToList());
        }
        foreach (var other in c.OtherSections)
        {
            yield return new IniWriter.Section(other.Name, other.Options.Select(o => (o.Name, IniWriter.Format(o.Value))).ToList());
        }
    }

    private static IEnumerable<(string, string)> General(AmlGeneral g)
    {
        if (g.Techniques.Count > 0) yield return ("techniques", Format(Strings(g.Techniques.Select(t => t.ToString()))));
        yield return ("y", Format(new IniString(g.Y)));
        yield return ("run_num", g.RunNum.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("seed", g.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (g.Validation is { } v) yield return ("validation", v.ToString());
        if (g.HpSelection is { } h) yield return ("hp_selection", h.ToString());
        if (g.Folds is { } folds) yield return ("folds", Format(Int(folds)));
        if (g.HoldOutRatio is { } ratio) yield return ("hold_out_ratio", Format(new IniFloat(ratio)));
        if (g.ExtrapolationColumns is { } e) yield return ("extrapolation_columns", Format(Bounds(e)));
        if (g.InterpolationColumns is { } i)
        {
            yield return ("interpolation_columns", Format(new IniDict(i.Select(x => new IniDictEntry(new IniString(x.Column), x.Selector)).ToValueList())));
        }
        if (g.HyperparameterTuning is { } tuning) yield return ("hyperparameter_tuning", Format(new IniString(tuning)));
        if (g.HyperoptMaxEvals is { } evals) yield return ("hyperopt_max_evals", Format(Int(evals)));
        if (g.HyperoptSaveInterval is { } interval) yield return ("hyperopt_save_interval", Format(Int(interval)));
        if (g.KerasBackend is { } backend) yield return ("keras_backend", Format(new IniString(backend)));
        if (g.KerasUseCpu is { } cpu) yield return ("keras_use_cpu", Format(new IniBoolean(cpu)));
        if (g.SaveTrainingRegressors is { } save) yield return ("save_training_regressors", Format(new IniBoolean(save)));
        foreach (var o in g.Extra) yield return (o.Name, Format(o.Value));
    }

    private static IEnumerable<(string, string)> DataPreparation(AmlDataPreparation d)
    {
        yield return ("input_path", Format(new IniString(d.InputPath)));
        if (d.Inverse is { } inverse) yield return ("inverse", Format(Columns(inverse)));
        if (d.Log is { } log) yield return ("log", Format(Columns(log)));
        if (d.ProductMaxDegree is { } degree) yield return ("product_max_degree", degree.Degree is { } n ? Format(Int(n)) : "inf");
        if (d.ProductInteractionsOnly is { } only) yield return ("product_interactions_only", Format(new IniBoolean(only)));
        if (d.SelectedProducts is { } products) yield return ("selected_products", Format(Strings(products)));
        if (d.SkipRows is { } skip) yield return ("skip_rows", Format(Bounds(skip)));
        if (d.UseColumns is { } use) yield return ("use_columns", Format(Strings(use)));
        if (d.SkipColumns is { } skipColumns) yield return ("skip_columns", Format(Strings(skipColumns)));
        if (d.RenameColumns is { } renames)
        {
            yield return ("rename_columns", Format(new IniDict(renames.Select(r => new IniDictEntry(new IniString(r.From), new IniString(r.To))).ToValueList())));
        }
        if (d.Ernest is { } ernest) yield return ("ernest", Format(new IniBoolean(ernest)));
        if (d.Normalization is { } normalization) yield return ("normalization", Format(new IniBoolean(normalization)));
        if (d.CategoricalColumns is { } categorical) yield return ("categorical_columns", Format(Strings(categorical)));
        foreach (var o in d.Extra) yield return (o.Name, Format(o.Value));
    }

    private static IEnumerable<(string, string)> FeatureSelection(AmlFeatureSelection f)
    {
        yield return ("method", Format(new IniString(f.Method.ToString())));
        if (f.MaxFeatures is { } max) yield return ("max_features", Format(Int(max)));
        yield return ("min_features", Format(Int(f.MinFeatures)));
        if (f.Folds is { } folds) yield return ("folds", Format(Int(folds)));
        if (f.XGBoostTolerance is { } tolerance) yield return ("XGBoost_tolerance", Format(new IniFloat(tolerance)));
        foreach (var o in f.Extra) yield return (o.Name, Format(o.Value));
    }

    private static string Format(IniValue value) => IniWriter.Format(value);
    private static IniInteger Int(int value) => new(value);
    private static IniList Strings(IEnumerable<string> values) => new(values.Select(v => (IniValue)new IniString(v)).ToValueList());
    private static IniValue Columns(ColumnSet set) => set.AllColumns ? new IniString("[*]") : Strings(set.Columns);

    private static IniDict Bounds(IEnumerable<ColumnBound> bounds) =>
        new(bounds.Select(b => new IniDictEntry(new IniString(b.Column), Number(b.Bound))).ToValueList());

    // Whole numbers are written as ints, as users write them ({"x2": 4}); both read back as the same double.
    private static IniValue Number(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 1e15 && value == Math.Floor(value) ? new IniInteger(new System.Numerics.BigInteger(value)) : new IniFloat(value);
}
