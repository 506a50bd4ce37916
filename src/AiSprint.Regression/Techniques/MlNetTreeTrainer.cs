using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace AiSprint.Regression.Techniques;

/// <summary>Which ML.NET tree booster a <see cref="MlNetTreeTrainer"/> runs.</summary>
internal enum MlNetBooster
{
    /// <summary><c>Microsoft.ML.LightGbm</c>: LightGBM's leaf-wise histogram boosting.</summary>
    LightGbm,

    /// <summary><c>Microsoft.ML.FastTree</c>: ML.NET's MART implementation.</summary>
    FastTree,
}

/// <summary>
/// The LightGBM and FastTree techniques (not aMLLibrary's; tracker issue 14): ML.NET trains the ensemble on one
/// thread with the campaign's seed — so a fit is deterministic and the campaign's own parallelism over experiments,
/// trials and folds is what uses the cores — and the trained trees are copied into a <see cref="TreeEnsemble"/>
/// (x ≤ threshold goes left, as in ML.NET; leaf values times the tree weights; the ensemble's bias as base score).
/// The model file therefore holds plain trees that this engine predicts with, no ML.NET model zip.
/// Hyper-parameters in LightGBM's Python names: n_estimators, learning_rate, num_leaves, min_child_samples, max_bin,
/// and for LightGBM also reg_lambda / reg_alpha.
/// </summary>
internal sealed record MlNetTreeTrainer(MlNetBooster Booster, int Estimators, double LearningRate, int Leaves, int MinChildSamples, int MaxBin, double Lambda, double Alpha, int Seed) : ITrainer
{
    /// <summary>One training row as ML.NET reads it; the feature vector's width is set in the schema.</summary>
    private sealed class Row
    {
        public float[] Features { get; set; } = [];

        public float Label { get; set; }
    }

    public TreeEnsemble Fit(double[][] x, double[] y)
    {
        if (x.Length == 0) throw new RegressionException($"{Booster} needs at least one training row");
        if (Estimators < 1) throw new RegressionException($"n_estimators must be ≥ 1, got {Estimators}");
        if (Leaves < 2) throw new RegressionException($"num_leaves must be ≥ 2, got {Leaves}");
        if (MinChildSamples < 1) throw new RegressionException($"min_child_samples must be ≥ 1, got {MinChildSamples}");
        if (MaxBin < 2) throw new RegressionException($"max_bin must be ≥ 2, got {MaxBin}");
        if (LearningRate <= 0 || Lambda < 0 || Alpha < 0) throw new RegressionException("learning_rate must be > 0, reg_lambda and reg_alpha ≥ 0");
        var width = x[0].Length;
        var context = new MLContext(Seed);
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        var rows = x.Select((r, i) => new Row { Features = r.Select(v => (float)v).ToArray(), Label = (float)y[i] }).ToList();
        var data = context.Data.LoadFromEnumerable(rows, schema);
        RegressionTreeEnsemble ensemble;
        try
        {
            ensemble = Booster == MlNetBooster.LightGbm
                ? context.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
                {
                    NumberOfIterations = Estimators, LearningRate = LearningRate, NumberOfLeaves = Leaves, MinimumExampleCountPerLeaf = MinChildSamples,
                    MaximumBinCountPerFeature = MaxBin, NumberOfThreads = 1, Seed = Seed, Silent = true,
                    Booster = new GradientBooster.Options { L2Regularization = Lambda, L1Regularization = Alpha },
                }).Fit(data).Model.TrainedTreeEnsemble
                : context.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
                {
                    NumberOfTrees = Estimators, LearningRate = LearningRate, NumberOfLeaves = Leaves, MinimumExampleCountPerLeaf = MinChildSamples,
                    MaximumBinCountPerFeature = MaxBin, NumberOfThreads = 1,
                }).Fit(data).Model.TrainedTreeEnsemble;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            throw new RegressionException($"{Booster}: {ex.Message}");
        }
        var trees = ensemble.Trees.Select((tree, t) => Convert(tree, ensemble.TreeWeights[t])).ToArray();
        if (trees.Length == 0) trees = [new RegressionTree([-1], [0], [-1], [-1], [0])];
        return new TreeEnsemble(TreeCombination.Sum, ensemble.Bias, false, trees);
    }

    IRegressor ITrainer.Fit(double[][] x, double[] y) => Fit(x, y);

    /// <summary>ML.NET's split nodes and leaves (a negative child c is leaf ~c) as one pre-order node array.</summary>
    private static RegressionTree Convert(Microsoft.ML.Trainers.FastTree.RegressionTree tree, double weight)
    {
        var builder = new RegressionTree.Builder();
        if (tree.NumberOfNodes == 0)
        {
            builder.AddLeaf(weight * tree.LeafValues[0]);
            return builder.Build();
        }
        Add(0);
        return builder.Build();

        int Add(int child)
        {
            if (child < 0) return builder.AddLeaf(weight * tree.LeafValues[~child]);
            if (tree.CategoricalSplitFlags[child]) throw new RegressionException("ML.NET produced a categorical split, which these numeric features never need");
            var node = builder.AddLeaf(0);
            builder.MakeSplit(node, tree.NumericalSplitFeatureIndexes[child], tree.NumericalSplitThresholds[child]);
            var l = Add(tree.LeftChild[child]);
            var r = Add(tree.RightChild[child]);
            builder.Link(node, l, r);
            return node;
        }
    }
}
