using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Formats.Aml;

/// <summary>
/// Turns an <see cref="IniDocument"/> into an <see cref="AmlConfiguration"/>, checking what aMLLibrary checks
/// at start-up (and what would otherwise crash it later: a KeyError, an unknown technique).
/// </summary>
public static class AmlConfigurationBinder
{
    /// <summary>The <c>[General]</c> section's name.</summary>
    public const string General = "General";
    /// <summary>The <c>[DataPreparation]</c> section's name.</summary>
    public const string DataPreparation = "DataPreparation";
    /// <summary>The <c>[FeatureSelection]</c> section's name.</summary>
    public const string FeatureSelection = "FeatureSelection";

    /// <summary>Options the command line writes into [General], overriding the file.</summary>
    private static readonly string[] CommandLineOptions = ["configuration_file", "output", "j", "debug", "generate_plots", "details"];

    /// <summary>The typed configuration of a parsed .ini, or null when an error was added to <paramref name="diagnostics"/>.</summary>
    public static AmlConfiguration? Bind(IniDocument document, DiagnosticBag diagnostics)
    {
        var general = document.Find(General);
        var data = document.Find(DataPreparation);
        var wholeFile = SourceLocation.WholeFile(document.File);
        if (general is null) diagnostics.Add(DiagnosticCatalog.MissingKey, wholeFile, "the configuration has no [General] section; aMLLibrary needs it");
        if (data is null) diagnostics.Add(DiagnosticCatalog.MissingKey, wholeFile, "the configuration has no [DataPreparation] section; aMLLibrary needs it for input_path");
        if (general is null || data is null) return null;

        var generalValue = BindGeneral(new SectionReader(general, document.File, diagnostics), diagnostics);
        var dataValue = BindDataPreparation(new SectionReader(data, document.File, diagnostics));
        var featureSection = document.Find(FeatureSelection);
        var featureValue = featureSection is null ? null : BindFeatureSelection(new SectionReader(featureSection, document.File, diagnostics), diagnostics);

        var grids = new List<TechniqueGrid>();
        var others = new List<AmlSection>();
        foreach (var section in document.Sections)
        {
            if (section.Name is General or DataPreparation or FeatureSelection) continue;
            if (TryTechnique(section.Name, out var technique))
            {
                var used = generalValue?.Techniques.Contains(technique) ?? false;
                grids.Add(BindGrid(section, technique, used, generalValue?.UsesHyperopt ?? false, diagnostics));
            }
            else
            {
                diagnostics.Add(DiagnosticCatalog.UnknownKey, section.Location,
                    $"section [{section.Name}] is neither General, DataPreparation, FeatureSelection nor a technique ({string.Join(", ", Enum.GetNames<AmlTechnique>())}); aMLLibrary ignores it");
                others.Add(new AmlSection(section.Name, section.Options.Select(o => new AmlOption(o.Name, o.Value)).ToValueList()));
            }
        }
        if (generalValue is null || dataValue is null) return null;
        return new AmlConfiguration(generalValue, dataValue, featureValue, grids.ToValueList(), others.ToValueList());
    }

    internal static bool TryTechnique(string name, out AmlTechnique technique)
    {
        foreach (var candidate in Enum.GetValues<AmlTechnique>())
        {
            if (candidate.ToString() == name)
            {
                technique = candidate;
                return true;
            }
        }
        technique = default;
        return false;
    }

    private static AmlGeneral? BindGeneral(SectionReader r, DiagnosticBag diagnostics)
    {
        var techniques = new List<AmlTechnique>();
        var techniquesOk = true;
        if (r.Option("techniques") is { } techniquesOption)
        {
            var names = techniquesOption.Value switch
            {
                IniList l => l.Items,
                IniTuple t => t.Items,
                _ => null,
            };
            if (names is null || !names.All(n => n is IniString))
            {
                r.WrongType(techniquesOption, "a list of technique names such as ['LRRidge', 'XGBoost']");
                techniquesOk = false;
            }
            else
            {
                foreach (var name in names.Cast<IniString>())
                {
                    if (TryTechnique(name.Value, out var technique)) techniques.Add(technique);
                    else
                    {
                        diagnostics.Add(DiagnosticCatalog.AmlUnknownTechnique, techniquesOption.ValueLocation,
                            $"technique '{name.Value}' does not exist; expected one of {string.Join(", ", Enum.GetNames<AmlTechnique>())}");
                        techniquesOk = false;
                    }
                }
            }
        }
        var y = r.String("y");
        if (y is null && r.Section.Find("y") is null) r.Missing("y", "it names the target column");
        var runNum = r.Int("run_num", 1);
        var seed = r.Int("seed", int.MinValue);
        var training = techniques.Count > 0;
        var validation = r.Enum("validation", AmlSplit.All, AmlSplit.HoldOut, AmlSplit.KFold, AmlSplit.Extrapolation, AmlSplit.Interpolation);
        var hpSelection = r.Enum("hp_selection", AmlSplit.All, AmlSplit.HoldOut, AmlSplit.KFold);
        if (training && r.Section.Find("validation") is null) r.Missing("validation", "aMLLibrary stops with \"Validation not specified\"");
        if (training && r.Section.Find("hp_selection") is null) r.Missing("hp_selection", "aMLLibrary needs it to choose hyper-parameters");
        var folds = r.Int("folds", 2);
        var holdOut = r.Double("hold_out_ratio");
        if (holdOut is <= 0 or >= 1) r.Invalid(r.Section.Find("hold_out_ratio")!, "a fraction strictly between 0 and 1");
        if ((validation == AmlSplit.HoldOut || hpSelection == AmlSplit.HoldOut) && r.Section.Find("hold_out_ratio") is null)
        {
            r.Missing("hold_out_ratio", "HoldOut is selected and aMLLibrary stops with \"hold_out_ratio not set\"");
        }
        if ((validation == AmlSplit.KFold || hpSelection == AmlSplit.KFold) && r.Section.Find("folds") is null)
        {
            r.Missing("folds", "KFold is selected and needs the number of folds");
        }
        var extrapolation = r.Bounds("extrapolation_columns");
        if (validation == AmlSplit.Extrapolation && r.Section.Find("extrapolation_columns") is null)
        {
            r.Missing("extrapolation_columns", "Extrapolation is selected and aMLLibrary stops with \"extrapolation_columns not set\"");
        }
        ValueList<InterpolationColumn>? interpolation = null;
        if (r.StringKeyedDict("interpolation_columns", "a dictionary {column: list of values or number}") is { } entries)
        {
            interpolation = entries.Select(e => new InterpolationColumn(e.Key, e.Value)).ToValueList();
            var option = r.Section.Find("interpolation_columns")!;
            if (entries.Any(e => e.Value is not (IniList or IniInteger or IniFloat))) r.WrongType(option, "a dictionary whose values are lists or numbers");
        }
        if (validation == AmlSplit.Interpolation && r.Section.Find("interpolation_columns") is null)
        {
            r.Missing("interpolation_columns", "Interpolation is selected and needs the columns to interpolate");
        }
        var tuning = r.String("hyperparameter_tuning");
        var maxEvals = r.Int("hyperopt_max_evals", 1);
        var saveInterval = r.Int("hyperopt_save_interval", 0);
        if (string.Equals(tuning, "Hyperopt", StringComparison.OrdinalIgnoreCase) && training && r.Section.Find("hyperopt_max_evals") is null)
        {
            r.Missing("hyperopt_max_evals", "Hyperopt needs the number of trials");
        }
        var kerasBackend = r.String("keras_backend");
        var kerasUseCpu = r.Bool("keras_use_cpu");
        var saveRegressors = r.Bool("save_training_regressors");
        var extra = r.Rest(option =>
            option.Name == "normalization"
                ? (DiagnosticCatalog.AmlIgnoredOption, "'normalization' is read only from [DataPreparation]; in [General] it has no effect")
                : CommandLineOptions.Contains(option.Name)
                    ? (DiagnosticCatalog.AmlIgnoredOption, $"'{option.Name}' is overwritten by aMLLibrary's command line")
                    : (DiagnosticCatalog.UnknownKey, $"'{option.Name}' is not an option of [General]; aMLLibrary ignores it"));
        if (y is null || !techniquesOk) return null;
        return new AmlGeneral(techniques.ToValueList(), y, runNum ?? 1, seed ?? 0, validation, hpSelection, folds, holdOut,
            extrapolation, interpolation, tuning, maxEvals, saveInterval, kerasBackend, kerasUseCpu, saveRegressors, extra);
    }

    private static AmlDataPreparation? BindDataPreparation(SectionReader r)
    {
        var inputPath = r.String("input_path");
        if (inputPath is null && r.Section.Find("input_path") is null) r.Missing("input_path", "it names the CSV file with the data");
        var inverse = r.Columns("inverse");
        var log = r.Columns("log");
        ProductDegree? degree = null;
        if (r.Option("product_max_degree") is { } degreeOption)
        {
            degree = degreeOption.Value switch
            {
                IniString { Value: "inf" } => ProductDegree.Infinite,
                IniInteger i when i.Value >= 1 && SectionReader.FitsInt(i.Value) => new ProductDegree((int)i.Value),
                _ => null,
            };
            if (degree is null) r.WrongType(degreeOption, "a positive integer or inf");
        }
        var interactionsOnly = r.Bool("product_interactions_only");
        var selectedProducts = r.StringList("selected_products");
        var skipRows = r.Bounds("skip_rows");
        var useColumns = r.StringList("use_columns");
        var skipColumns = r.StringList("skip_columns");
        ValueList<ColumnRename>? renames = null;
        if (r.StringKeyedDict("rename_columns", "a dictionary {old name: new name}") is { } entries)
        {
            if (entries.All(e => e.Value is IniString)) renames = entries.Select(e => new ColumnRename(e.Key, ((IniString)e.Value).Value)).ToValueList();
            else r.WrongType(r.Section.Find("rename_columns")!, "a dictionary {old name: new name} of strings");
        }
        var ernest = r.Bool("ernest");
        var normalization = r.Bool("normalization");
        var categorical = r.StringList("categorical_columns");
        if (ernest == true)
        {
            // aMLLibrary refuses these combinations at start-up.
            foreach (var (name, active) in new[]
            {
                ("use_columns", useColumns is not null), ("skip_columns", skipColumns is not null),
                ("inverse", inverse is { AllColumns: true } || inverse?.Columns.Count > 0), ("product_max_degree", degree is not null),
                ("normalization", normalization == true),
            })
            {
                if (active) r.Invalid(r.Section.Find(name)!, "absent when ernest = True (aMLLibrary refuses the combination)");
            }
        }
        var extra = r.Rest(option => (DiagnosticCatalog.UnknownKey, $"'{option.Name}' is not an option of [DataPreparation]; aMLLibrary ignores it"));
        if (inputPath is null) return null;
        return new AmlDataPreparation(inputPath, inverse, log, degree, interactionsOnly, selectedProducts, skipRows, useColumns, skipColumns,
            renames, ernest, normalization, categorical, extra);
    }

    private static AmlFeatureSelection? BindFeatureSelection(SectionReader r, DiagnosticBag diagnostics)
    {
        var method = r.Enum("method", AmlFeatureSelectionMethod.SFS, AmlFeatureSelectionMethod.XGBoost);
        if (method is null && r.Section.Find("method") is null) r.Missing("method", "expected \"SFS\" or \"XGBoost\"");
        var maxFeatures = r.Int("max_features", 1);
        var minFeatures = r.Int("min_features", 1);
        var folds = r.Int("folds", 2);
        var tolerance = r.Double("XGBoost_tolerance");
        if (method == AmlFeatureSelectionMethod.XGBoost)
        {
            if (r.Section.Find("XGBoost_tolerance") is null) r.Missing("XGBoost_tolerance", "aMLLibrary stops with \"XGBoost tolerance not set\"");
            if (r.Section.Find("max_features") is { } ignored)
            {
                diagnostics.Add(DiagnosticCatalog.AmlIgnoredOption, ignored.Location, "'max_features' is ignored by the XGBoost feature selection (it keeps features up to XGBoost_tolerance)");
            }
        }
        if (method == AmlFeatureSelectionMethod.SFS)
        {
            if (r.Section.Find("max_features") is null) r.Missing("max_features", "SFS needs the largest subset size");
            if (r.Section.Find("folds") is null) r.Missing("folds", "SFS cross-validates with this many folds");
            if (maxFeatures is { } max && minFeatures is { } min && min > max)
            {
                r.Invalid(r.Section.Find("min_features")!, $"at most max_features ({max})");
            }
        }
        var extra = r.Rest(option => (DiagnosticCatalog.UnknownKey, $"'{option.Name}' is not an option of [FeatureSelection]; aMLLibrary ignores it"));
        if (method is null) return null;
        return new AmlFeatureSelection(method.Value, maxFeatures, minFeatures ?? 1, folds, tolerance, extra);
    }

    private static TechniqueGrid BindGrid(IniSection section, AmlTechnique technique, bool used, bool hyperopt, DiagnosticBag diagnostics)
    {
        var parameters = new List<Hyperparameter>();
        foreach (var option in section.Options)
        {
            var items = option.Value switch
            {
                IniList l => l.Items,
                _ => null,
            };
            if (items is null)
            {
                // Only a used section matters to aMLLibrary; an unused one is still checked, but as a warning.
                var descriptor = used ? DiagnosticCatalog.WrongType : DiagnosticCatalog.UnknownKey;
                diagnostics.Add(descriptor, option.ValueLocation,
                    $"'{option.Name}' in [{section.Name}] must be a list of values to try, such as [{option.RawText}], found {SectionReader.Describe(option.Value)}");
                continue;
            }
            var values = items.Select(GridValue.From).ToValueList();
            if (used && !hyperopt && values.OfType<Prior>().FirstOrDefault() is { } prior)
            {
                diagnostics.Add(DiagnosticCatalog.AmlPriorWithoutHyperopt, option.ValueLocation,
                    $"'{option.Name}' in [{section.Name}] holds the prior '{prior.PriorText()}' but hyperparameter_tuning is not Hyperopt; the estimator receives the string itself");
            }
            parameters.Add(new Hyperparameter(option.Name, values));
        }
        return new TechniqueGrid(technique, used, parameters.ToValueList());
    }
}
