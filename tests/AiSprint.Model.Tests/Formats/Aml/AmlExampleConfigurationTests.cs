using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.Aml;

namespace AiSprint.Model.Tests.Formats.Aml;

public class AmlExampleConfigurationTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var file in SharedData.Files(Path.Combine("amllibrary", "example_configurations"), "*.ini")) data.Add(Path.GetFileName(file));
        return data;
    }

    internal static AmlConfigurationFile LoadExample(string name)
    {
        var result = AmlConfigurationReader.Load(SharedData.PathOf("amllibrary", "example_configurations", name), currentDirectory: Path.GetTempPath());
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        return result.Value!;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_configuration_parses_without_errors_and_finds_its_data(string name)
    {
        var file = LoadExample(name);
        Assert.NotNull(file.InputPath);
        Assert.True(File.Exists(file.InputPath));
    }

    [Fact]
    public void Faas_test_hyperopt_sfs_has_two_techniques_loguniform_priors_and_ten_evaluations()
    {
        var c = LoadExample("faas_test_hyperopt_sfs.ini").Configuration;
        Assert.Equal([AmlTechnique.LRRidge, AmlTechnique.DecisionTree], c.General.Techniques);
        Assert.True(c.General.UsesHyperopt);
        Assert.Equal(10, c.General.HyperoptMaxEvals);
        Assert.Equal(5, c.General.HyperoptSaveInterval);
        Assert.Equal(AmlSplit.HoldOut, c.General.Validation);
        Assert.Equal(AmlSplit.KFold, c.General.HpSelection);
        Assert.Equal(4, c.General.Folds);
        Assert.Equal(0.2, c.General.HoldOutRatio);
        Assert.Equal("ave_response_time", c.General.Y);
        Assert.Equal(1, c.General.RunNum);
        Assert.Equal(0, c.General.Seed);
        Assert.Equal(ColumnSet.Of("Lambda", "warm_service_time"), c.DataPreparation.Inverse);
        Assert.Equal(new AmlFeatureSelection(AmlFeatureSelectionMethod.SFS, 3, 1, 3, null, ValueList<AmlOption>.Empty), c.FeatureSelection);

        var ridge = c.Grid(AmlTechnique.LRRidge)!;
        Assert.True(ridge.IsUsed);
        Assert.Equal([new LogUniformPrior(0.01, 1)], ridge["alpha"]!.Values);
        var tree = c.Grid(AmlTechnique.DecisionTree)!;
        Assert.Equal([new LogUniformPrior(0.01, 0.5)], tree["min_samples_leaf"]!.Values);
        Assert.Equal([new FixedValue(new IniString("squared_error"))], tree["criterion"]!.Values);
        Assert.Equal([new FixedValue(new IniInteger(3))], tree["max_depth"]!.Values);

        var xgboost = c.Grid(AmlTechnique.XGBoost)!;
        Assert.False(xgboost.IsUsed);
        Assert.Equal([new QUniformPrior(1, 1.01, 1)], xgboost["min_child_weight"]!.Values);
        Assert.Equal([new QUniformPrior(500, 500.1, 1)], xgboost["n_estimators"]!.Values);
        Assert.False(c.Grid(AmlTechnique.RandomForest)!.IsUsed);
        Assert.Equal([new FixedValue(new IniFloat(1e-7))], c.Grid(AmlTechnique.SVR)!["gamma"]!.Values);
    }

    [Fact]
    public void Multiple_keeps_the_nested_list_of_the_neural_network_layers()
    {
        var c = LoadExample("multiple.ini").Configuration;
        Assert.Equal(8, c.General.Techniques.Count);
        var nn = c.Grid(AmlTechnique.NeuralNetwork)!;
        Assert.Equal([new FixedValue(new IniList(ValueList.Of<IniValue>(new IniInteger(20), new IniInteger(10))))], nn["n_features"]!.Values);
        Assert.Equal(1, nn.Size);
        Assert.Equal([new FixedValue(new IniBoolean(true))], c.Grid(AmlTechnique.NNLS)!["fit_intercept"]!.Values);
        Assert.All(c.Grids, g => Assert.True(g.IsUsed));
    }

    [Fact]
    public void Ernest_reads_rename_columns_as_a_dictionary()
    {
        var c = LoadExample("ernest.ini").Configuration;
        Assert.True(c.DataPreparation.Ernest);
        Assert.Equal([new ColumnRename("x1", "cores"), new ColumnRename("x2", "datasize")], c.DataPreparation.RenameColumns);
        Assert.Equal("inputs/simplest.csv", c.DataPreparation.InputPath);
    }

    [Fact]
    public void Simplest_example_2_keeps_inf_and_star_as_strings_and_reads_extrapolation()
    {
        var file = LoadExample("simplest_example_2.ini");
        var c = file.Configuration;
        Assert.Equal(ColumnSet.All, c.DataPreparation.Inverse);
        Assert.True(c.DataPreparation.ProductMaxDegree!.IsInfinite);
        Assert.Equal(new IniString("inf"), file.Document.Find("DataPreparation")!.Find("product_max_degree")!.Value);
        Assert.Equal([new ColumnBound("x2", 4)], c.General.ExtrapolationColumns);
        Assert.Equal(2, c.General.RunNum);
        Assert.Equal(144, c.Grid(AmlTechnique.RandomForest)!.Size);
        Assert.Equal(576, c.Grid(AmlTechnique.SVR)!.Size);
        Assert.Equal(72, c.Grid(AmlTechnique.XGBoost)!.Size);
        Assert.Equal(ValueList.Of("x1", "x2", "x4"), c.DataPreparation.UseColumns);
    }

    [Fact]
    public void Simplest_example_1_reads_selected_products_and_skip_rows()
    {
        var c = LoadExample("simplest_example_1.ini").Configuration;
        Assert.Equal(ValueList.Of("x1 x1 x3 x1", "x2 x3"), c.DataPreparation.SelectedProducts);
        Assert.Equal([new ColumnBound("x2", 5)], c.DataPreparation.SkipRows);
        Assert.Equal(ColumnSet.Of("x1"), c.DataPreparation.Log);
    }

    [Fact]
    public void Neural_network_reads_unquoted_strings_and_keras_options()
    {
        var c = LoadExample("neural_network.ini").Configuration;
        Assert.Equal("y", c.General.Y);
        Assert.Equal("inputs/simplest.csv", c.DataPreparation.InputPath);
        Assert.Equal("torch", c.General.KerasBackend);
        Assert.False(c.General.KerasUseCpu);
        Assert.Equal(8, c.Grid(AmlTechnique.NeuralNetwork)!.Size);
    }

    [Fact]
    public void Xgboost_feature_selection_warns_that_max_features_is_ignored()
    {
        var result = AmlConfigurationReader.Load(SharedData.PathOf("amllibrary", "example_configurations", "xgboost_feature_selection.ini"));
        Assert.True(result.Succeeded);
        var c = result.Value!.Configuration;
        Assert.Equal(AmlFeatureSelectionMethod.XGBoost, c.FeatureSelection!.Method);
        Assert.Equal(0.4, c.FeatureSelection.XGBoostTolerance);
        var warning = Assert.Single(result.Diagnostics, d => d.Descriptor == DiagnosticCatalog.AmlIgnoredOption);
        Assert.Equal(20, warning.Location.Line);
        Assert.Equal(1, warning.Location.Column);
    }

    [Fact]
    public void Faas_predict_is_a_prediction_configuration_without_techniques()
    {
        var c = LoadExample("faas_predict.ini").Configuration;
        Assert.True(c.General.IsPredictionOnly);
        Assert.Null(c.General.Validation);
    }

    [Fact]
    public void Input_path_is_resolved_from_the_current_directory_first()
    {
        var root = SharedData.PathOf("amllibrary");
        var ini = SharedData.PathOf("amllibrary", "example_configurations", "stepwise.ini");
        Assert.Equal(Path.Combine(root, "inputs", "draper_smith.csv"), AmlConfigurationReader.ResolveInputPath(ini, "inputs/draper_smith.csv", root));
        Assert.Equal(Path.Combine(root, "inputs", "draper_smith.csv"), AmlConfigurationReader.ResolveInputPath(ini, "inputs/draper_smith.csv", "/"));
        Assert.Null(AmlConfigurationReader.ResolveInputPath(ini, "inputs/none.csv", root));
    }
}
