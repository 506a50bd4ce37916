using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Techniques.NeuralNetwork;

namespace AiSprint.Regression.Techniques;

/// <summary>
/// Which aMLLibrary techniques this engine implements, and how a grid point becomes a trainer. Options absent
/// from a section take the estimator's own default (grid search passes only configured keys, spec §5.1):
/// scikit-learn Ridge alpha 1.0, fit_intercept True; aMLLibrary's Stepwise 0.05 / 0.1 / True / 100;
/// scikit-learn 1.2 trees: criterion squared_error, max_depth None, max_features None (RandomForest 1.0),
/// min_samples_split 2, min_samples_leaf 1, n_estimators 100; xgboost 1.7: min_child_weight 1, gamma 0,
/// n_estimators 100, learning_rate 0.3, max_depth 6, alpha 0, lambda 1, tree_method hist here (xgboost 1.7: auto), max_bin 256; scikit-learn SVR: C 1, epsilon 0.1, gamma 'scale',
/// kernel rbf, degree 3; NeuralNetwork: aMLLibrary's own defaults (<see cref="NeuralNetworkSettings"/>). The seed feeds
/// the random choices of the trees and the network (aMLLibrary passes no random_state and seeds no Keras, spec §5.2).
/// Every technique aMLLibrary knows is implemented.
/// </summary>
internal static class TechniqueCatalog
{

    public static ITrainer Bind(AmlTechnique technique, GridPoint point, int seed = 0)
    {
        var reader = new SettingReader(technique, point);
        ITrainer trainer = technique switch
        {
            AmlTechnique.LRRidge => new RidgeTrainer(reader.Number("alpha", 1.0)),
            AmlTechnique.NNLS => new NnlsTrainer(reader.Flag("fit_intercept", true)),
            AmlTechnique.Stepwise => new StepwiseTrainer(reader.Number("p_to_add", 0.05), reader.Number("p_to_remove", 0.1),
                reader.Flag("fit_intercept", true), (int)reader.Number("max_iter", 100)),
            AmlTechnique.DecisionTree => new DecisionTreeTrainer(reader.Cart(FeatureCount.All), seed),
            AmlTechnique.RandomForest => new RandomForestTrainer(reader.Integer("n_estimators", 100), reader.Cart(new FeatureCount("fraction", 1.0)), seed),
            AmlTechnique.SVR => new SvrTrainer(reader.Number("C", 1.0), reader.Number("epsilon", 0.1), reader.Gamma(), reader.Kernel(), reader.Integer("degree", 3)),
            AmlTechnique.XGBoost => new XGBoostTrainer(reader.Number("min_child_weight", 1), reader.Number("gamma", 0), reader.Integer("n_estimators", 100),
                reader.Number("learning_rate", 0.3), reader.Integer("max_depth", 6), reader.Number("alpha", 0), reader.Number("lambda", 1),
                Method: reader.TreeMethod(), MaxBin: reader.Integer("max_bin", 256)),
            AmlTechnique.NeuralNetwork => new MlpTrainer(reader.NeuralNetwork(), seed),
            // LightGBM's and ML.NET's own defaults (LightGBM: 100 / 0.1 / 31 / 20 / 255, L2 0.01; FastTree: 100 / 0.2 / 20 / 10 / 255).
            AmlTechnique.LightGBM => new MlNetTreeTrainer(MlNetBooster.LightGbm, reader.Integer("n_estimators", 100), reader.Number("learning_rate", 0.1), reader.Integer("num_leaves", 31),
                reader.Integer("min_child_samples", 20), reader.Integer("max_bin", 255), reader.Number("reg_lambda", 0.01), reader.Number("reg_alpha", 0), seed),
            AmlTechnique.FastTree => new MlNetTreeTrainer(MlNetBooster.FastTree, reader.Integer("n_estimators", 100), reader.Number("learning_rate", 0.2), reader.Integer("num_leaves", 20),
                reader.Integer("min_child_samples", 10), reader.Integer("max_bin", 255), 0, 0, seed),
            _ => throw new InvalidOperationException($"unknown technique {technique}"),
        };
        reader.RejectUnknown();
        return trainer;
    }

    /// <summary>Reads typed values and remembers which names were used, so a misspelt option is an error, not ignored.</summary>
    private sealed class SettingReader(AmlTechnique technique, GridPoint point)
    {
        private readonly HashSet<string> _used = [];

        public double Number(string name, double fallback)
        {
            _used.Add(name);
            return point[name] switch
            {
                null => fallback,
                IniInteger i => (double)i.Value,
                IniFloat f => f.Value,
                var other => throw new RegressionException($"[{technique}] {name} = {other.ToPython()}: a number is required"),
            };
        }

        public bool Flag(string name, bool fallback)
        {
            _used.Add(name);
            return point[name] switch
            {
                null => fallback,
                IniBoolean b => b.Value,
                var other => throw new RegressionException($"[{technique}] {name} = {other.ToPython()}: True or False is required"),
            };
        }

        public int Integer(string name, int fallback)
        {
            _used.Add(name);
            return point[name] switch
            {
                null => fallback,
                IniInteger i when i.Value >= int.MinValue && i.Value <= int.MaxValue => (int)i.Value,
                var other => throw new RegressionException($"[{technique}] {name} = {other.ToPython()}: an int is required"),
            };
        }

        /// <summary>The scikit-learn tree hyper-parameters (spec §2.2): Python ints are counts, floats fractions.</summary>
        public CartSettings Cart(FeatureCount defaultMaxFeatures)
        {
            var d = CartSettings.Default;
            _used.UnionWith(["criterion", "max_depth", "max_features", "min_samples_split", "min_samples_leaf"]);
            var criterion = point["criterion"] switch
            {
                null or IniString { Value: "squared_error" } => SplitCriterion.SquaredError,
                IniString { Value: "friedman_mse" } => SplitCriterion.FriedmanMse,
                // 'mae' and 'mse' were removed in scikit-learn 1.2: every such experiment fails there (spec §2.2, §5.3).
                IniString { Value: "mae" or "mse" } s => throw new RegressionException($"[{technique}] criterion '{s.Value}' is rejected by scikit-learn 1.2 (use squared_error / absolute_error)"),
                IniString { Value: "absolute_error" or "poisson" } s => throw new NotImplementedCapabilityException($"criterion '{s.Value}'", $"[{technique}] only squared_error and friedman_mse are implemented"),
                var other => throw new RegressionException($"[{technique}] criterion = {other.ToPython()}: not a scikit-learn regression criterion"),
            };
            int? maxDepth = point["max_depth"] switch
            {
                null or IniNone => null,
                IniInteger i when i.Value >= 1 && i.Value <= int.MaxValue => (int)i.Value,
                var other => throw new RegressionException($"[{technique}] max_depth = {other.ToPython()}: an int ≥ 1 or None is required"),
            };
            var maxFeatures = point["max_features"] switch
            {
                null => defaultMaxFeatures,
                IniNone => FeatureCount.All,
                IniString { Value: "auto" or "sqrt" or "log2" } s => new FeatureCount(s.Value),
                IniInteger i when i.Value >= 1 && i.Value <= int.MaxValue => new FeatureCount("count", (double)i.Value),
                IniFloat f => new FeatureCount("fraction", f.Value),
                var other => throw new RegressionException($"[{technique}] max_features = {other.ToPython()}: auto, sqrt, log2, None, an int or a float is required"),
            };
            return new CartSettings(criterion, maxDepth, maxFeatures, Samples("min_samples_split", d.MinSamplesSplit), Samples("min_samples_leaf", d.MinSamplesLeaf));
        }

        private SampleCount Samples(string name, SampleCount fallback) => point[name] switch
        {
            null => fallback,
            IniInteger i when i.Value <= int.MaxValue => new SampleCount((double)i.Value, false),
            IniFloat f => new SampleCount(f.Value, true),
            var other => throw new RegressionException($"[{technique}] {name} = {other.ToPython()}: an int (count) or a float (fraction) is required"),
        };

        public SvrGamma Gamma()
        {
            _used.Add("gamma");
            return point["gamma"] switch
            {
                null => new SvrGamma("scale"),
                IniString { Value: "scale" or "auto" } s => new SvrGamma(s.Value),
                IniInteger i => SvrGamma.Of((double)i.Value),
                IniFloat f => SvrGamma.Of(f.Value),
                var other => throw new RegressionException($"[{technique}] gamma = {other.ToPython()}: a number, 'scale' or 'auto' is required"),
            };
        }

        public SvrKernel Kernel()
        {
            _used.Add("kernel");
            return point["kernel"] switch
            {
                null or IniString { Value: "rbf" } => SvrKernel.Rbf,
                IniString { Value: "linear" } => SvrKernel.Linear,
                IniString { Value: "poly" } => SvrKernel.Poly,
                IniString { Value: "sigmoid" } => SvrKernel.Sigmoid,
                var other => throw new RegressionException($"[{technique}] kernel = {other.ToPython()}: linear, rbf, poly or sigmoid is required ('precomputed' needs a Gram matrix)"),
            };
        }

        /// <summary>xgboost's tree_method: 'hist' (the default here) or 'exact' (every distinct value a candidate).</summary>
        public TreeMethod TreeMethod()
        {
            _used.Add("tree_method");
            return point["tree_method"] switch
            {
                null or IniString { Value: "hist" } => Techniques.TreeMethod.Hist,
                IniString { Value: "exact" } => Techniques.TreeMethod.Exact,
                var other => throw new RegressionException($"[{technique}] tree_method = {other.ToPython()}: 'hist' or 'exact' is required"),
            };
        }

        public NeuralNetworkSettings NeuralNetwork()
        {
            _used.UnionWith(NeuralNetworkSettings.Names);
            return NeuralNetworkSettings.From(point);
        }

        public void RejectUnknown()
        {
            foreach (var setting in point.Settings.Where(s => !_used.Contains(s.Name)))
            {
                throw new RegressionException($"[{technique}] has no hyper-parameter '{setting.Name}' (known: {string.Join(", ", _used)})");
            }
        }
    }
}
