namespace AiSprint.Model.Formats.Aml;

/// <summary>
/// An aMLLibrary experiment campaign (.ini), typed. Optional options are null when absent so that a written
/// configuration says exactly what the read one said; defaults aMLLibrary adds (run_num, seed, min_features)
/// are filled in.
/// </summary>
public sealed record AmlConfiguration(
    AmlGeneral General,
    AmlDataPreparation DataPreparation,
    AmlFeatureSelection? FeatureSelection,
    ValueList<TechniqueGrid> Grids,
    ValueList<AmlSection> OtherSections)
{
    /// <summary>The grid of a technique, when its section exists.</summary>
    public TechniqueGrid? Grid(AmlTechnique technique) => Grids.FirstOrDefault(g => g.Technique == technique);
}

/// <summary>An option the typed model does not interpret, kept for the round trip.</summary>
public sealed record AmlOption(string Name, IniValue Value);

/// <summary>A section the typed model does not interpret, kept for the round trip.</summary>
public sealed record AmlSection(string Name, ValueList<AmlOption> Options);

/// <summary>The regression techniques aMLLibrary knows, spelt as in <c>techniques</c> and section names.</summary>
public enum AmlTechnique
{
    /// <summary>Ridge regression (scikit-learn <c>Ridge</c>).</summary>
    LRRidge,
    /// <summary>Gradient-boosted trees (the <c>xgboost</c> regressor).</summary>
    XGBoost,
    /// <summary>A CART regression tree.</summary>
    DecisionTree,
    /// <summary>A random forest of CART trees.</summary>
    RandomForest,
    /// <summary>Support-vector regression (libsvm's epsilon-SVR).</summary>
    SVR,
    /// <summary>Non-negative least squares.</summary>
    NNLS,
    /// <summary>Stepwise linear regression (features added and removed by p-value).</summary>
    Stepwise,
    /// <summary>A multilayer perceptron (Keras dense layers).</summary>
    NeuralNetwork,

    /// <summary>Not aMLLibrary's: ML.NET's LightGBM regression (gradient-boosted trees, leaf-wise growth).</summary>
    LightGBM,

    /// <summary>Not aMLLibrary's: ML.NET's FastTree regression (MART gradient boosting).</summary>
    FastTree,
}

/// <summary>How rows are split for validation or hyper-parameter selection (aMLLibrary compares these exact strings).</summary>
public enum AmlSplit
{
    /// <summary>Every row is used for both training and testing.</summary>
    All,
    /// <summary>A random fraction of the rows is held out for testing.</summary>
    HoldOut,
    /// <summary>k folds, each held out in turn.</summary>
    KFold,
    /// <summary>Rows above a column threshold are held out (tests extrapolation).</summary>
    Extrapolation,
    /// <summary>Every h-th distinct value of a column is held out (tests interpolation).</summary>
    Interpolation,
}

/// <summary>A <c>{column: number}</c> entry (extrapolation threshold, skip_rows bound).</summary>
public sealed record ColumnBound(string Column, double Bound);

/// <summary>An <c>interpolation_columns</c> entry: a list of values, or a number h meaning "every h-th distinct value".</summary>
public sealed record InterpolationColumn(string Column, IniValue Selector);

/// <summary>A <c>rename_columns</c> entry.</summary>
public sealed record ColumnRename(string From, string To);

/// <summary>A list of columns, or <c>[*]</c> (every current feature column).</summary>
public sealed record ColumnSet(bool AllColumns, ValueList<string> Columns)
{
    /// <summary><c>[*]</c>: every current feature column.</summary>
    public static readonly ColumnSet All = new(true, ValueList<string>.Empty);
    /// <summary>An explicit list of columns.</summary>
    public static ColumnSet Of(params string[] columns) => new(false, columns);
}

/// <summary><c>product_max_degree</c>: a degree, or <c>inf</c> (the number of feature columns).</summary>
public sealed record ProductDegree(int? Degree)
{
    internal static readonly ProductDegree Infinite = new((int?)null);
    internal bool IsInfinite => Degree is null;
}

/// <summary>The <c>[General]</c> section.</summary>
public sealed record AmlGeneral(
    ValueList<AmlTechnique> Techniques,
    string Y,
    int RunNum,
    int Seed,
    AmlSplit? Validation,
    AmlSplit? HpSelection,
    int? Folds,
    double? HoldOutRatio,
    ValueList<ColumnBound>? ExtrapolationColumns,
    ValueList<InterpolationColumn>? InterpolationColumns,
    string? HyperparameterTuning,
    int? HyperoptMaxEvals,
    int? HyperoptSaveInterval,
    string? KerasBackend,
    bool? KerasUseCpu,
    bool? SaveTrainingRegressors,
    ValueList<AmlOption> Extra)
{
    /// <summary>aMLLibrary compares <c>hyperparameter_tuning</c> with "Hyperopt" case-insensitively.</summary>
    public bool UsesHyperopt => string.Equals(HyperparameterTuning, "Hyperopt", StringComparison.OrdinalIgnoreCase);

    /// <summary>A configuration without techniques is one for aMLLibrary's prediction module (faas_predict.ini).</summary>
    public bool IsPredictionOnly => Techniques.Count == 0;
}

/// <summary>The <c>[DataPreparation]</c> section.</summary>
public sealed record AmlDataPreparation(
    string InputPath,
    ColumnSet? Inverse,
    ColumnSet? Log,
    ProductDegree? ProductMaxDegree,
    bool? ProductInteractionsOnly,
    ValueList<string>? SelectedProducts,
    ValueList<ColumnBound>? SkipRows,
    ValueList<string>? UseColumns,
    ValueList<string>? SkipColumns,
    ValueList<ColumnRename>? RenameColumns,
    bool? Ernest,
    bool? Normalization,
    ValueList<string>? CategoricalColumns,
    ValueList<AmlOption> Extra);

/// <summary>Feature selection methods (exact strings in <c>method</c>).</summary>
public enum AmlFeatureSelectionMethod
{
    /// <summary>Sequential forward selection (mlxtend's <c>SequentialFeatureSelector</c>).</summary>
    SFS,
    /// <summary>XGBoost feature importance, keeping features until the tolerance is reached.</summary>
    XGBoost,
}

/// <summary>The <c>[FeatureSelection]</c> section.</summary>
public sealed record AmlFeatureSelection(
    AmlFeatureSelectionMethod Method,
    int? MaxFeatures,
    int MinFeatures,
    int? Folds,
    double? XGBoostTolerance,
    ValueList<AmlOption> Extra);

/// <summary>One hyper-parameter and the values (or priors) to try.</summary>
public sealed record Hyperparameter(string Name, ValueList<GridValue> Values);

/// <summary>
/// A technique section: its hyper-parameters in file order. <see cref="IsUsed"/> is false when the technique is
/// not in <c>techniques</c>; aMLLibrary then ignores the section (several examples carry such sections).
/// </summary>
public sealed record TechniqueGrid(AmlTechnique Technique, bool IsUsed, ValueList<Hyperparameter> Parameters)
{
    /// <summary>The number of grid points (the Cartesian product of the lists).</summary>
    public long Size => Parameters.Aggregate(1L, (size, p) => size * p.Values.Count);

    /// <summary>The hyper-parameter named <paramref name="name"/>, or null when the section does not set it.</summary>
    public Hyperparameter? this[string name] => Parameters.FirstOrDefault(p => p.Name == name);
}
