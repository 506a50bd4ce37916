using System.Numerics;
using AiSprint.Regression.Preparation;
using AiSprint.Regression.Validation;
using AiSprint.Regression.Validation.Python;

namespace AiSprint.Regression.Tests;

/// <summary>Expected values were produced by CPython 3.11 (random.Random, set) — the interpreter aMLLibrary's baseline ran on.</summary>
public class PythonCompatibilityTests
{
    [Fact]
    public void Random_reproduces_cpython_streams_for_int_and_float_seeds()
    {
        var zero = new PythonRandom(BigInteger.Zero);
        Assert.Equal([0.8444218515250481, 0.7579544029403025, 0.420571580830845], new[] { zero.Random(), zero.Random(), zero.Random() });
        var fromFloat = new PythonRandom(0.8444218515250481);
        Assert.Equal([0.7315406243670213, 0.12421672577087406], new[] { fromFloat.Random(), fromFloat.Random() });
        // A negative hash is used as an unsigned 64-bit number (CPython casts to size_t).
        Assert.Equal(0.4779490710306722, new PythonRandom(-2.5).Random());
        Assert.Equal(0.23796462709189137, new PythonRandom(3.0).Random());
        Assert.Equal(0.5120180983871961, new PythonRandom(BigInteger.Parse("12345678901234567890")).Random());
    }

    [Fact]
    public void Sample_follows_cpython_for_pool_and_set_strategies()
    {
        Assert.Equal([1, 24, 0, 25, 20, 36, 9, 19, 21, 6], new PythonRandom(0.3).Sample(Enumerable.Range(0, 50).ToList(), 10));
        Assert.Equal([13, 57, 0, 1, 161, 114, 124, 159, 55, 97, 91, 43, 187, 87, 108, 166, 92, 38, 99, 188, 103, 197, 157, 49, 148, 190, 151, 70, 12, 154],
            new PythonRandom(0.7).Sample(Enumerable.Range(0, 200).ToList(), 30));
    }

    [Fact]
    public void Set_iteration_order_is_cpython_table_order()
    {
        int[] items = [0, 5, 9, 13, 17, 21, 25, 29, 33, 37, 41, 45, 49, 1, 2, 3];
        var set = PythonIntSet.FromList(items);
        Assert.Equal([0, 33, 1, 2, 3, 5, 37, 9, 41, 13, 45, 17, 49, 21, 25, 29], set.ToList());
        Assert.Equal([1, 2, 3, 9, 13, 17, 21, 25, 29, 33, 37, 41, 45, 49], set.Minus(PythonIntSet.FromList([0, 5])).ToList());
        Assert.Equal([0, 1, 2, 3, 5, 9, 13, 17, 21, 25, 29, 33, 37, 41, 45, 49], PythonIntSet.CopyOf(set).ToList());
    }

    private static IReadOnlyList<DataFold> Plan(string validation, string hp, int folds, int runs, int seed)
    {
        var file = InlineConfiguration.From($"""
            [General]
            techniques = ['LRRidge']
            y = "ave_response_time"
            validation = {validation}
            hp_selection = {hp}
            hold_out_ratio = 0.2
            folds = {folds}
            run_num = {runs}
            seed = {seed}
            [DataPreparation]
            input_path = "@INPUT@"
            """, "faas_test.csv");
        return SplitPlanner.Plan(file.Configuration, PreparationBuilder.Prepare(file.Configuration, Examples.Dataset("faas_test.csv")));
    }

    [Fact]
    public void Faas_test_splits_are_aMLLibrary_rows()
    {
        // faas_test.ini: validation HoldOut, hp_selection 5-fold, seed 0 (rows from a CPython run of the generator chain).
        var folds = Plan("HoldOut", "KFold", 5, 1, 0);
        Assert.Equal([5, 11, 14, 15, 17, 22, 24, 27, 29, 34], folds[0].Validation.Order());
        Assert.Equal([9, 21, 23, 32, 36, 38, 44, 48], folds[0].HpSelection.Order());
        Assert.Equal([2, 12, 19, 26, 31, 37, 39, 41], folds[4].HpSelection.Order());
    }

    [Fact]
    public void Later_runs_use_deep_copies_of_the_generators()
    {
        var kfold = Plan("KFold", "KFold", 4, 2, 0).Single(f => f is { Run: 1, ValidationToken: "f2", HpToken: "f1" });
        Assert.Equal([12, 13, 19, 21, 30, 33, 35, 36, 38, 41, 47, 48], kfold.Validation.Order());
        Assert.Equal([2, 8, 39, 40, 42, 43, 45, 46, 49], kfold.HpSelection.Order());
        var holdOut = Plan("HoldOut", "HoldOut", 5, 3, 7).Single(f => f.Run == 2);
        Assert.Equal([4, 16, 18, 24, 25, 26, 38, 41, 43, 49], holdOut.Validation.Order());
        Assert.Equal([7, 8, 12, 14, 36, 45, 46, 47], holdOut.HpSelection.Order());
    }
}
