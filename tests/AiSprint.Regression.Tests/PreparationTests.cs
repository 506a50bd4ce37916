using AiSprint.Regression.Preparation;

namespace AiSprint.Regression.Tests;

public class PreparationTests
{
    private static PreparedData Prepare(string config)
    {
        var file = Examples.Configuration(config);
        return PreparationBuilder.Prepare(file.Configuration, Examples.Dataset(Path.GetFileName(file.InputPath!)));
    }

    [Fact]
    public void Simplest_example_1_has_aMLLibrary_column_names_and_skips_rows()
    {
        var data = Prepare("simplest_example_1.ini");
        Assert.Equal(["x1", "x2", "x3", "x4_class_0", "x4_class_a", "x4_class_b", "log_x1", "x1__x1__x3__x1", "x2__x3"], data.Features);
        // skip_rows {'x2': 5}: rows with x2 > 5 leave training and all but stay in the matrix.
        Assert.Equal(data.X.Length, Examples.Dataset("simplest.csv").RowCount);
        Assert.All(data.AllRows, i => Assert.True(data.X[i][1] <= 5));
        Assert.True(data.AllRows.Count < data.X.Length);
        var row = data.X[0]; // x1 = 1, x2 = 2, x3 = 1, x4 = a
        Assert.Equal([0.0, 1.0, 0.0], row[3..6]);
        Assert.Equal(Math.Log(1), row[6]);
        Assert.Equal(1 * 1 * 1 * 1, row[7]);
        Assert.Equal(2 * 1, row[8]);
    }

    [Fact]
    public void Faas_test_products_are_pairwise_interactions_of_sorted_columns_without_x_times_inverse_x()
    {
        var data = Prepare("faas_test.ini");
        Assert.Equal(
            ["Lambda", "warm_service_time", "cold_service_time", "expiration_time", "inverse_Lambda",
             "Lambda__cold_service_time", "Lambda__expiration_time", "Lambda__warm_service_time",
             "cold_service_time__expiration_time", "cold_service_time__inverse_Lambda", "cold_service_time__warm_service_time",
             "expiration_time__inverse_Lambda", "expiration_time__warm_service_time", "inverse_Lambda__warm_service_time"],
            data.Features);
    }

    [Fact]
    public void Ernest_replaces_the_features_after_renaming()
    {
        var data = Prepare("ernest.ini");
        Assert.Equal(["datasize_over_cores", "log_cores", "square_datasize_over_cores", "squared_datasize_over_cores"], data.Features);
        // Row 0 of simplest.csv: x1 = cores = 1, x2 = datasize = 2.
        Assert.Equal([2.0, 0.0, Math.Sqrt(2), Math.Sqrt(2)], data.X[0]);
    }

    [Fact]
    public void Combinations_follow_itertools_order()
    {
        var combos = PreparationBuilder.Combinations(3, 2, withRepetition: true).Select(c => string.Join("", c)).ToList();
        Assert.Equal(["00", "01", "02", "11", "12", "22"], combos);
        var plain = PreparationBuilder.Combinations(3, 2, withRepetition: false).Select(c => string.Join("", c)).ToList();
        Assert.Equal(["01", "02", "12"], plain);
    }

    [Fact]
    public void Replaying_the_pipeline_on_the_dataset_gives_the_training_matrix()
    {
        var data = Prepare("simplest_example_1.ini");
        var replayed = data.Pipeline.Transform(Examples.Dataset("simplest.csv"));
        Assert.Equal(data.X, replayed);
    }

    [Fact]
    public void Standardizer_uses_the_population_deviation_of_the_given_rows_only()
    {
        double[][] x = [[1], [3], [100]];
        double[] y = [2, 4, 1000];
        var scaler = Standardizer.Fit(x, y, [0, 1]);
        Assert.Equal(2, scaler.Means[0]);
        Assert.Equal(1, scaler.Scales[0]);
        Assert.Equal(3, scaler.TargetMean);
        Assert.Equal(98, scaler.Transform([100.0])[0]);
        Assert.Equal(4, scaler.InverseTarget(1));
    }
}

public class ProductExclusionTests
{
    [Fact]
    public void Degree_two_products_skip_pairs_and_squares_of_indicators_of_the_same_column()
    {
        var file = InlineConfiguration.From("""
            [General]
            techniques = ['LRRidge']
            y = "y"
            [DataPreparation]
            input_path = "@INPUT@"
            use_columns = ['x1', 'x4']
            product_max_degree = 2
            """, "simplest.csv");
        var data = PreparationBuilder.Prepare(file.Configuration, Examples.Dataset("simplest.csv"));
        var products = data.Features.Where(f => f.Contains("__")).ToList();
        Assert.Equal(["x1__x1", "x1__x4_class_0", "x1__x4_class_a", "x1__x4_class_b"], products);
    }
}

public class PreparationErrorTests
{
    private static RegressionException Fails(string preparation) => Assert.Throws<RegressionException>(() => RegressionCampaign.Run(InlineConfiguration.From($"""
        [General]
        techniques = ['LRRidge']
        y = "y"
        validation = All
        hp_selection = All
        [DataPreparation]
        input_path = "@INPUT@"
        {preparation}
        """, "simplest.csv")));

    [Fact]
    public void Log_of_a_text_column_names_the_column_and_the_files()
    {
        var ex = Fails("log = ['x4']");
        Assert.Contains("'x4'", ex.Message);
        Assert.Contains("inline.ini", ex.Message);
        Assert.Contains("simplest.csv", ex.Message);
    }

    [Fact]
    public void A_missing_use_column_is_named()
    {
        Assert.Contains("'nope'", Fails("use_columns = ['x1', 'nope']").Message);
    }

    [Fact]
    public void Ernest_with_products_is_refused()
    {
        Assert.Contains("products", Fails("""
            rename_columns = {"x1": "cores", "x2": "datasize"}
            ernest = True
            product_max_degree = 2
            """).Message);
    }

    [Fact]
    public void A_missing_target_is_named()
    {
        var file = InlineConfiguration.From("""
            [General]
            techniques = ['LRRidge']
            y = "time"
            validation = All
            hp_selection = All
            [DataPreparation]
            input_path = "@INPUT@"
            """, "simplest.csv");
        Assert.Contains("'time'", Assert.Throws<RegressionException>(() => RegressionCampaign.Run(file)).Message);
    }
}
