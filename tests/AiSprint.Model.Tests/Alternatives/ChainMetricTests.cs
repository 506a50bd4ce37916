using AiSprint.Model.Alternatives;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.AiSprint;
using AiSprint.Model.Units;

namespace AiSprint.Model.Tests.Alternatives;

/// <summary>
/// Values worked by hand from the fixture's matrices. Filter (rows true no_face, face): [[0.3, 0.1], [0.05, 0.55]],
/// so TNf = 0.3, FPf = 0.1, FNf = 0.05, TPf = 0.55. Classifier (mask, no_mask): [[0.45, 0.05], [0.1, 0.4]], S = 1.
/// </summary>
public class ChainMetricTests
{
    private static ConfusionMatrix Matrix(string component)
    {
        var read = ClassificationPerformanceFiles.Load(Path.Combine(Fixtures.Alternatives, "src", component, ClassificationPerformanceFiles.Folder));
        Assert.True(read.Succeeded, string.Join("\n", read.Diagnostics));
        return read.Value!;
    }

    [Fact]
    public void The_npy_matrix_and_its_class_names_load()
    {
        var filter = Matrix("blurry-faces-onnx");
        Assert.Equal(["no_face", "face"], filter.Classes);
        Assert.Equal(0.55, filter.Cells[1, 1]);
        Assert.Equal(0.1, filter.Cells[0, 1]);
    }

    [Fact]
    public void Precision_recall_and_F1_follow_the_Studio_case_A_formulas()
    {
        var scores = ChainMetric.Compute(Matrix("blurry-faces-onnx"), "no_face", Matrix("mask-detector-onnx"));
        Assert.Equal(["no_face", "mask", "no_mask"], scores.Classes);
        // Filtered class: P = TNf/(TNf+FNf), R = TNf/(TNf+FPf).
        double[] precision = [0.3 / 0.35, 0.2475 / 0.3575, 0.22 / 0.2925];
        // mask: TPf·TP = 0.2475, TPf·FN = 0.0275, FNf·(TP+FN) = 0.025; no_mask: 0.22, 0.055, 0.025.
        double[] recall = [0.3 / 0.4, 0.2475 / 0.3, 0.22 / 0.3];
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(precision[i], scores.Precision[i], 12);
            Assert.Equal(recall[i], scores.Recall[i], 12);
        }
        var f1 = precision.Zip(recall, (p, r) => 2 * p * r / (p + r)).Average();
        Assert.Equal(f1, scores.Average(ApplicationMetric.AverageF1), 12);
        Assert.Equal(0.8, scores.F1[0], 12);
    }

    [Fact]
    public void Average_accuracy_is_the_mean_one_vs_rest_accuracy_of_the_end_to_end_matrix()
    {
        // End-to-end matrix (rows true no_face, mask, no_mask): [[0.3, 0.055, 0.045], [0.025, 0.2475, 0.0275], [0.025, 0.055, 0.22]].
        // no_face: 1 − 0.4 − 0.35 + 0.6 = 0.85; mask: 1 − 0.3 − 0.3575 + 0.495 = 0.8375; no_mask: 1 − 0.3 − 0.2925 + 0.44 = 0.8475.
        var scores = ChainMetric.Compute(Matrix("blurry-faces-onnx"), "no_face", Matrix("mask-detector-onnx"));
        Assert.Equal([0.85, 0.8375, 0.8475], scores.Accuracy.Select(a => Math.Round(a, 12)));
        Assert.Equal(0.845, scores.Average(ApplicationMetric.AverageAccuracy), 12);
    }

    [Fact]
    public void Case_B_uses_the_classifiers_own_label_for_the_filtered_class()
    {
        var filter = new ConfusionMatrix(["object", "person"], new double[,] { { 0.3, 0.1 }, { 0.05, 0.55 } });
        var classifier = new ConfusionMatrix(["background", "cat", "dog"], new double[,] { { 0.1, 0.05, 0.05 }, { 0.02, 0.3, 0.08 }, { 0.03, 0.07, 0.3 } });
        var scores = ChainMetric.Compute(filter, "object", classifier, "background");
        Assert.Equal(["background", "cat", "dog"], scores.Classes);
        // background (k): TP = 0.1, FP = 0.05, FN = 0.1. P = (0.3 + 0.1·0.1)/(0.31 + 0.05 + 0.55·0.05); R = 0.31/(0.31 + 0.1·0.1).
        Assert.Equal(0.31 / 0.3875, scores.Precision[0], 12);
        Assert.Equal(0.31 / 0.32, scores.Recall[0], 12);
        // cat: TP = 0.3, FP = 0.12 of which CM[k][cat] = 0.05. P = 0.165/(0.165 + 0.55·0.07 + 0.1·0.05); R = 0.165/(0.165 + 0.55·0.1 + 0.05·0.4).
        Assert.Equal(0.165 / 0.2085, scores.Precision[1], 12);
        Assert.Equal(0.165 / 0.24, scores.Recall[1], 12);
    }

    [Fact]
    public void A_deployment_metric_sets_the_filters_forwarding_probability()
    {
        var deployment = new AlternativeDeployment("original_deployment",
            new[] { new ImplementationChoice("blurry-faces-onnx", "blurry-faces-onnx"), new ImplementationChoice("mask-detector-onnx", "mask-detector-onnx") }.ToValueList(),
            new[] { new DagEdge("blurry-faces-onnx", "mask-detector-onnx", Probability.One) }.ToValueList(), null);
        var result = DeploymentMetricCalculator.Compute(deployment, new MetricRoles("blurry-faces-onnx", "no_face", "mask-detector-onnx"), ApplicationMetric.AverageAccuracy, Matrix);
        Assert.Equal(0.845, result.Metric!.Value, 12);
        Assert.Equal(0.65, result.Dependencies[0].Probability.Value);
    }

    [Fact]
    public void A_chain_longer_than_filter_then_classifier_is_refused_with_what_to_give_instead()
    {
        var choices = new[] { "a", "b", "c" }.Select(c => new ImplementationChoice(c, c)).ToValueList();
        var edges = new[] { new DagEdge("a", "b", Probability.One), new DagEdge("b", "c", Probability.One) }.ToValueList();
        var error = Assert.Throws<MetricChainException>(() => DeploymentMetricCalculator.Compute(
            new AlternativeDeployment("deployment1", choices, edges, null), new MetricRoles("a", "x", "b"), ApplicationMetric.AverageF1, _ => throw new InvalidOperationException()));
        Assert.Contains("a → b, b → c", error.Message);
        Assert.Contains("give this deployment's metric_value in deployments_performance.yaml", error.Message);
    }

    [Fact]
    public void A_filter_matrix_that_is_not_2x2_is_refused()
    {
        var three = new ConfusionMatrix(["a", "b", "c"], new double[3, 3]);
        Assert.Throws<ArgumentException>(() => ChainMetric.Compute(three, "a", three));
    }

    [Fact]
    public void A_file_that_is_not_npy_is_a_syntax_error()
    {
        var bag = new DiagnosticBag();
        Assert.Null(ClassificationPerformanceFiles.ReadNpy("not numpy"u8.ToArray(), "cm.npy", bag));
        Assert.Equal("AIS0002", Assert.Single(bag.Items).Code);
    }
}
