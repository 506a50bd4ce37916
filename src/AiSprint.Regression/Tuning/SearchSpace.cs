using AiSprint.Model;
using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Techniques;

namespace AiSprint.Regression.Tuning;

/// <summary>
/// One hyper-parameter of a Hyperopt search space (spec §7.3): a fixed value, or a prior. Continuous priors are
/// searched in an internal coordinate — the value itself for uniform/quniform, its natural log for
/// loguniform/qloguniform (whose bounds aMLLibrary gives in natural units and converts with ln) — on [Low, High].
/// </summary>
internal sealed record SearchDimension(string Name, IniValue? Fixed, Prior? Prior)
{
    public bool IsSearched => Prior is not null;

    public bool IsChoice => Prior is ChoicePrior;

    public int ChoiceCount => Prior is ChoicePrior c ? c.Options.Count : 0;

    /// <summary>Lower bound of the internal coordinate.</summary>
    public double Low => Prior switch
    {
        UniformPrior u => u.Low,
        QUniformPrior q => q.Low,
        LogUniformPrior l => Math.Log(l.Low),
        QLogUniformPrior l => Math.Log(l.Low),
        _ => 0,
    };

    /// <summary>Upper bound of the internal coordinate.</summary>
    public double High => Prior switch
    {
        UniformPrior u => u.High,
        QUniformPrior q => q.High,
        LogUniformPrior l => Math.Log(l.High),
        QLogUniformPrior l => Math.Log(l.High),
        _ => 0,
    };

    /// <summary>A draw from the prior, as an internal coordinate (or a choice index).</summary>
    internal double SamplePrior(SeededRandom random) =>
        IsChoice ? random.NextInt(ChoiceCount) : Low + (High - Low) * random.NextDouble();

    /// <summary>
    /// The estimator value of an internal coordinate: exp for log priors; q priors rounded to a multiple of q
    /// (hyperopt's <c>round(x / q) * q</c>) and made integers, as aMLLibrary wraps <c>q*</c> priors with int.
    /// DEVIATION: aMLLibrary also takes ln of a qloguniform step q (spec §7.3), which makes q = 1 a step of 0; here
    /// q stays in natural units. No example uses qloguniform.
    /// </summary>
    public IniValue ValueOf(double coordinate) => Prior switch
    {
        null => Fixed!,
        ChoicePrior c => c.Options[(int)coordinate],
        UniformPrior => new IniFloat(coordinate),
        LogUniformPrior => new IniFloat(Math.Exp(coordinate)),
        QUniformPrior q => new IniInteger((long)Quantise(coordinate, q.Q)),
        QLogUniformPrior q => new IniInteger((long)Quantise(Math.Exp(coordinate), q.Q)),
        _ => throw new InvalidOperationException("unknown prior"),
    };

    /// <summary>hyperopt's quantisation <c>np.round(x / q) * q</c> (round half to even, as numpy).</summary>
    public static double Quantise(double value, double q) => Math.Round(value / q, MidpointRounding.ToEven) * q;
}

/// <summary>
/// A technique's Hyperopt search space (spec §7.3): its built-in default dictionary (§2.2) with the configured
/// keys replaced; each configured key holds one fixed value or one prior.
/// </summary>
internal sealed record SearchSpace(AmlTechnique Technique, IReadOnlyList<SearchDimension> Dimensions)
{
    /// <summary>The integer hyper-parameters aMLLibrary repairs after the search (spec §7.3).</summary>
    private static readonly string[] IntegerNames = ["max_depth", "n_estimators", "degree"];

    public IEnumerable<SearchDimension> Searched => Dimensions.Where(d => d.IsSearched);

    /// <summary>The grid point of one trial: fixed values merged back, searched values from their coordinates (in <see cref="Searched"/> order).</summary>
    public GridPoint PointOf(IReadOnlyList<double> coordinates)
    {
        var settings = new List<HyperparameterSetting>(Dimensions.Count);
        var k = 0;
        foreach (var dimension in Dimensions)
        {
            var value = dimension.IsSearched ? dimension.ValueOf(coordinates[k++]) : dimension.Fixed!;
            // aMLLibrary's int repair of max_depth, n_estimators and degree (a uniform prior yields floats).
            if (IntegerNames.Contains(dimension.Name) && value is IniFloat f && double.IsFinite(f.Value)) value = new IniInteger((long)f.Value);
            settings.Add(new HyperparameterSetting(dimension.Name, value));
        }
        return new GridPoint(settings);
    }

    /// <summary>The space as a grid point, priors shown as their strings: an experiment's label before its search has run.</summary>
    public GridPoint Describe() =>
        new(Dimensions.Select(d => new HyperparameterSetting(d.Name, d.Prior?.ToIni() ?? d.Fixed!)).ToList());

    /// <summary>Built-in defaults with configured keys replaced (new keys appended in file order).</summary>
    public static SearchSpace For(AmlTechnique technique, TechniqueGrid? grid)
    {
        var dimensions = Defaults(technique).Select(d => new SearchDimension(d.Name, d.Value, null)).ToList();
        foreach (var parameter in grid?.Parameters ?? Enumerable.Empty<Hyperparameter>())
        {
            if (parameter.Values.Count != 1)
                throw new RegressionException($"[{technique}] {parameter.Name}: with hyperparameter_tuning = Hyperopt each option takes exactly one value or prior, got {parameter.Values.Count}");
            var dimension = parameter.Values[0] switch
            {
                Prior prior => new SearchDimension(parameter.Name, null, prior),
                FixedValue f => new SearchDimension(parameter.Name, f.Value, null),
                _ => throw new InvalidOperationException("unknown grid value"),
            };
            var index = dimensions.FindIndex(d => d.Name == parameter.Name);
            if (index >= 0) dimensions[index] = dimension;
            else dimensions.Add(dimension);
        }
        return new SearchSpace(technique, dimensions);
    }

    /// <summary>aMLLibrary's built-in dictionaries (spec §2.2), used only as the Hyperopt starting point.</summary>
    private static IEnumerable<HyperparameterSetting> Defaults(AmlTechnique technique)
    {
        static HyperparameterSetting F(string name, double v) => new(name, new IniFloat(v));
        static HyperparameterSetting I(string name, long v) => new(name, new IniInteger(v));
        static HyperparameterSetting S(string name, string v) => new(name, new IniString(v));
        static HyperparameterSetting B(string name, bool v) => new(name, new IniBoolean(v));
        static HyperparameterSetting L(string name, params IniValue[] v) => new(name, new IniList(v.ToValueList()));
        return technique switch
        {
            AmlTechnique.LRRidge => [F("alpha", 0.1)],
            AmlTechnique.XGBoost => [F("learning_rate", 0.1), I("max_depth", 100), F("gamma", 0.25), I("min_child_weight", 1), I("n_estimators", 500), I("lambda", 1), I("alpha", 0)],
            // QUIRK (spec §2.2): 'mse' is rejected by scikit-learn 1.2; it only works because every example overrides criterion.
            AmlTechnique.DecisionTree => [S("criterion", "mse"), I("max_depth", 3), S("max_features", "auto"), F("min_samples_split", 0.01), F("min_samples_leaf", 0.01)],
            AmlTechnique.RandomForest => [I("n_estimators", 5), S("criterion", "mse"), I("max_depth", 3), S("max_features", "auto"), F("min_samples_split", 0.1), I("min_samples_leaf", 1)],
            AmlTechnique.SVR => [F("C", 0.001), F("epsilon", 0.05), F("gamma", 1e-7), S("kernel", "linear"), I("degree", 2)],
            AmlTechnique.NNLS => [B("fit_intercept", true)],
            AmlTechnique.Stepwise => [F("p_to_add", 0.05), F("p_to_remove", 0.1), B("fit_intercept", true), I("max_iter", 100)],
            AmlTechnique.NeuralNetwork => [L("n_features", new IniInteger(20), new IniInteger(10)), L("dropouts", new IniFloat(0.2), new IniFloat(0.2)), S("activation", "relu"),
                S("optimizer", "adam"), F("learning_rate", 0.001), S("loss", "mse"), I("batch_size", 10), I("epochs", 5)],
            _ => [],
        };
    }
}
