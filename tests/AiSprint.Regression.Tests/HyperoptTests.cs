using AiSprint.Model.Formats.Aml;
using AiSprint.Regression.Techniques;
using AiSprint.Regression.Tuning;

namespace AiSprint.Regression.Tests;

/// <summary>Hyperopt-style search (spec §7.3, §7.4): priors, the TPE optimiser, determinism and the example campaigns.</summary>
public class HyperoptTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const double Tolerance = 0.01; // each technique within one percentage point of aMLLibrary

    private static SearchSpace OneDimension(Prior prior) => new(AmlTechnique.LRRidge, [new SearchDimension("x", null, prior)]);

    private static double Number(IniValue value) => value switch
    {
        IniFloat f => f.Value,
        IniInteger i => (double)i.Value,
        _ => throw new InvalidOperationException(value.ToPython()),
    };

    [Fact]
    public void Log_uniform_bounds_are_in_natural_units()
    {
        // 'loguniform(0.01,1)' = log-uniform on [0.01, 1] (spec §7.3): every draw inside, median at the geometric mean 0.1.
        var dimension = new SearchDimension("alpha", null, new LogUniformPrior(0.01, 1));
        Assert.Equal(Math.Log(0.01), dimension.Low, 12);
        Assert.Equal(0.0, dimension.High, 12);
        var random = SeededRandom.For(42, 0);
        var draws = Enumerable.Range(0, 4000).Select(_ => Number(dimension.ValueOf(dimension.SamplePrior(random)))).ToList();
        Assert.All(draws, v => Assert.InRange(v, 0.01, 1.0));
        var belowGeometricMean = draws.Count(v => v < 0.1) / (double)draws.Count;
        output.WriteLine($"fraction below 0.1: {belowGeometricMean:F4}; min {draws.Min():G6}, max {draws.Max():G6}");
        Assert.InRange(belowGeometricMean, 0.46, 0.54);
    }

    [Fact]
    public void Q_priors_round_to_multiples_of_q_and_give_integers()
    {
        var dimension = new SearchDimension("max_depth", null, new QUniformPrior(3, 6, 1));
        var random = SeededRandom.For(1, 0);
        var draws = Enumerable.Range(0, 2000).Select(_ => dimension.ValueOf(dimension.SamplePrior(random))).ToList();
        Assert.All(draws, v => Assert.IsType<IniInteger>(v));
        Assert.Equal([3.0, 4.0, 5.0, 6.0], draws.Select(Number).Distinct().Order());
        // numpy's round: half to even.
        Assert.Equal(4.0, SearchDimension.Quantise(4.5, 1));
        Assert.Equal(0.5, SearchDimension.Quantise(0.74, 0.5));
        Assert.Equal(500.0, SearchDimension.Quantise(500.04, 1));
        // qloguniform: exp, then rounded to q in natural units.
        var log = new SearchDimension("n", null, new QLogUniformPrior(10, 1000, 10));
        var values = Enumerable.Range(0, 500).Select(_ => Number(log.ValueOf(log.SamplePrior(random)))).ToList();
        Assert.All(values, v => { Assert.InRange(v, 10, 1000); Assert.Equal(0, v % 10); });
    }

    [Fact]
    public void Search_space_is_the_built_in_defaults_with_configured_keys_replaced()
    {
        var file = Examples.Configuration("faas_test_hyperopt_sfs.ini");
        var space = SearchSpace.For(AmlTechnique.DecisionTree, file.Configuration.Grid(AmlTechnique.DecisionTree));
        Assert.Equal(["criterion", "max_depth", "max_features", "min_samples_split", "min_samples_leaf"], space.Dimensions.Select(d => d.Name));
        Assert.Equal(["min_samples_split", "min_samples_leaf"], space.Searched.Select(d => d.Name));
        Assert.Equal("[criterion='squared_error', max_depth=3, max_features='auto', min_samples_split='loguniform(0.01,1)', min_samples_leaf='loguniform(0.01,0.5)']", space.Describe().ToString());
        var xgboost = SearchSpace.For(AmlTechnique.XGBoost, null);
        Assert.Empty(xgboost.Searched);
        Assert.Equal("[learning_rate=0.1, max_depth=100, gamma=0.25, min_child_weight=1, n_estimators=500, lambda=1, alpha=0]", xgboost.Describe().ToString());
    }

    [Fact]
    public void TPE_beats_random_search_on_a_one_dimensional_function()
    {
        // (x − 1.234)² on uniform(−5, 5), 60 trials: TPE's 40 model-based proposals after 20 random ones
        // must beat 60 random draws on average over 20 seeds.
        var space = OneDimension(new UniformPrior(-5, 5));
        double Loss(GridPoint p) => Math.Pow(Number(p["x"]!) - 1.234, 2);
        double tpe = 0, random = 0;
        const int seeds = 20;
        for (var seed = 0; seed < seeds; seed++)
        {
            tpe += TpeOptimizer.Minimize(space, Loss, 60, seed, 0).Best.Loss / seeds;
            random += TpeOptimizer.Minimize(space, Loss, 60, seed, 0, new TpeSettings(StartupTrials: 60)).Best.Loss / seeds;
        }
        output.WriteLine($"mean best loss over {seeds} seeds: TPE {tpe:E3}, random search {random:E3}");
        Assert.True(tpe < random / 2, $"TPE {tpe:E3} is not clearly better than random search {random:E3}");
    }

    [Fact]
    public void The_same_seed_gives_the_same_trials()
    {
        var space = OneDimension(new LogUniformPrior(0.001, 10));
        double Loss(GridPoint p) => Math.Abs(Math.Log(Number(p["x"]!)) - 0.5);
        var a = TpeOptimizer.Minimize(space, Loss, 40, 7, 3);
        var b = TpeOptimizer.Minimize(space, Loss, 40, 7, 3);
        var c = TpeOptimizer.Minimize(space, Loss, 40, 8, 3);
        // GridPoint holds a list (reference equality), so compare the printed points and the losses.
        Assert.Equal(a.Trials.Select(t => (t.Point.ToString(), t.Loss)), b.Trials.Select(t => (t.Point.ToString(), t.Loss)));
        Assert.NotEqual(a.Trials.Select(t => t.Loss), c.Trials.Select(t => t.Loss));
    }

    [Fact]
    public void The_experiment_model_uses_the_best_trial_not_the_last()
    {
        // Spec §7.3 QUIRK: aMLLibrary evaluates the last trial's model; here the best trial's parameters are fitted.
        var random = new Random(3);
        var x = Enumerable.Range(0, 40).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        var y = x.Select(r => 1 + 2 * r[0] - 3 * r[1] + 0.05 * random.NextDouble()).ToArray();
        var space = SearchSpace.For(AmlTechnique.LRRidge, null) with { Dimensions = [new SearchDimension("alpha", null, new LogUniformPrior(0.001, 100))] };
        var differing = 0;
        for (var stream = 0; stream < 10; stream++)
        {
            var trainer = new HyperoptTrainer(space, 10, 0, stream);
            var search = trainer.Search(x, y);
            var tuned = Assert.IsType<TunedRegressor>(trainer.Fit(x, y));
            Assert.Equal(search.Best.Point.ToString(), tuned.Point.ToString());
            Assert.All(search.Trials, t => Assert.True(search.Best.Loss <= t.Loss));
            if (search.Trials[^1].Point.ToString() != search.Best.Point.ToString()) differing++;
        }
        output.WriteLine($"searches whose last trial is not the best: {differing} of 10");
        Assert.True(differing > 0);
    }

    [Theory]
    [InlineData("faas_test_hyperopt.ini")]
    [InlineData("faas_test_hyperopt_sfs.ini")]
    public void Campaign_results_do_not_depend_on_the_thread_count(string config)
    {
        var file = Examples.Configuration(config);
        var one = RegressionCampaign.Run(file, new RegressionOptions(MaxDegreeOfParallelism: 1));
        var two = RegressionCampaign.Run(file, new RegressionOptions(MaxDegreeOfParallelism: 2));
        Assert.Equal(one.Runs[0].Techniques.Select(t => (t.Chosen.ToString(), t.Validation)), two.Runs[0].Techniques.Select(t => (t.Chosen.ToString(), t.Validation)));
        Assert.Equal(one.Best.Hyperparameters.ToString(), two.Best.Hyperparameters.ToString());
        Assert.Equal(one.Best.Model.ToJson(), two.Best.Model.ToJson());
    }

    [Theory]
    [InlineData("faas_test_hyperopt.ini", AmlTechnique.LRRidge, 0.006674)]
    [InlineData("faas_test_hyperopt_sfs.ini", AmlTechnique.LRRidge, 0.000332)]
    [InlineData("faas_test_hyperopt_sfs.ini", AmlTechnique.DecisionTree, 0.064386)]
    public void Hyperopt_validation_MAPE_is_within_a_point_of_aMLLibrary(string config, AmlTechnique technique, double baseline)
    {
        var result = RegressionCampaign.Run(Examples.Configuration(config));
        var summary = Assert.Single(result.Runs).Techniques.Single(t => t.Technique == technique);
        var final = result[technique]!;
        output.WriteLine($"{config} {technique}: validation {summary.Validation.Mape:F6} (hp {summary.HpSelection.Mape:F6}) first fold's tuned {summary.Chosen}; aMLLibrary {baseline:F6}");
        output.WriteLine($"final {final.Hyperparameters} selected-experiment MAPE {final.SelectedValidationMape:F6}, full data {final.FullData.Mape:F6}; features {string.Join(", ", final.Model.SelectedFeatures ?? [])}");
        Assert.Empty(result.FailedExperiments);
        Assert.DoesNotContain("loguniform", final.Hyperparameters.ToString());
        Assert.True(summary.Validation.Mape <= baseline + Tolerance, $"{config} {technique}: validation MAPE {summary.Validation.Mape:F6} > {baseline:F6} + {Tolerance}");
    }

    [Fact]
    public void An_XGBoost_search_past_its_startup_trials_gives_the_same_campaign_on_one_thread_and_on_two()
    {
        // 24 evaluations: 20 random startup trials in one parallel round, then a round of 4 TPE proposals; 1,000 rows
        // with continuous columns, so hist quantises them (more than 256 distinct values).
        var file = InlineConfiguration.From("""
            [General]
            run_num = 1
            techniques = ['XGBoost']
            hp_selection = HoldOut
            validation = HoldOut
            hold_out_ratio = 0.2
            y = "ave_response_time"
            hyperparameter_tuning = Hyperopt
            hyperopt_max_evals = 24
            seed = 3

            [DataPreparation]
            input_path = "@INPUT@"

            [XGBoost]
            n_estimators = [10]
            max_depth = [100]
            gamma = ['loguniform(0.001,1)']
            learning_rate = ['loguniform(0.01,1)']
            """, "faas_predict.csv");
        var one = RegressionCampaign.Run(file, new RegressionOptions(MaxDegreeOfParallelism: 1));
        var two = RegressionCampaign.Run(file, new RegressionOptions(MaxDegreeOfParallelism: 2));
        Assert.Equal(one.Runs[0].Techniques.Select(t => (t.Chosen.ToString(), t.Validation)), two.Runs[0].Techniques.Select(t => (t.Chosen.ToString(), t.Validation)));
        Assert.Equal(one.Best.Model.ToJson(), two.Best.Model.ToJson());
        Assert.True(one.Best.SelectedValidationMape < 0.2, $"validation MAPE {one.Best.SelectedValidationMape}");
    }

    [Fact]
    public void Trials_after_startup_come_in_rounds_drawn_from_one_posterior()
    {
        // Two objectives that agree on the 20 startup trials and differ afterwards: the first round of 4 proposals is
        // drawn from the posterior of the startup trials alone, so it is the same; later rounds see different losses.
        var space = OneDimension(new UniformPrior(0, 100));
        double Value(GridPoint p) => Number(p["x"]!);
        var first = TpeOptimizer.Minimize(space, p => Math.Abs(Value(p) - 35), 32, 5, 0);
        var startup = first.Trials.Take(20).Select(t => Value(t.Point)).ToHashSet();
        var second = TpeOptimizer.Minimize(space, p => startup.Contains(Value(p)) ? Math.Abs(Value(p) - 35) : -Value(p), 32, 5, 0);
        var a = first.Trials.Select(t => Value(t.Point)).ToList();
        var b = second.Trials.Select(t => Value(t.Point)).ToList();
        Assert.Equal(a.Take(24), b.Take(24));
        Assert.NotEqual(a.Skip(24), b.Skip(24));
        // One proposal at a time (hyperopt's own queue length of 1) already differs from the fourth trial after startup on.
        var sequential = TpeOptimizer.Minimize(space, p => startup.Contains(Value(p)) ? Math.Abs(Value(p) - 35) : -Value(p), 32, 5, 0, new TpeSettings(BatchSize: 1));
        Assert.Equal(a.Take(21), sequential.Trials.Take(21).Select(t => Value(t.Point)));
        Assert.NotEqual(b.Skip(21).Take(3), sequential.Trials.Skip(21).Take(3).Select(t => Value(t.Point)));
    }
}
