using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Model.Inputs;

namespace AiSprint.Cli.Tests;

public class PlaceCommandTests
{
    private static string Temp() => Directory.CreateTempSubdirectory("aisprint-place-").FullName;

    [Fact]
    public void The_wind_farm_design_gets_the_placement_the_design_document_reports()
    {
        var output = Temp();
        var (code, text, error) = ValidateCommandTests.Run("place", SharedData.PathOf("space4ai", "wind-farm", "system.json"), "-o", output, "--iterations", "3000", "--ls-iterations", "300");
        Assert.True(code == 0, error);
        // The data README: cost 7.6178 with Drone2, one VM1 and FaaS F14 for c5; path 1.735 s ≤ 2 s, c5 2.313 s ≤ 2.5 s.
        Assert.Contains("total cost: 7.617805", text);
        Assert.Matches(@"Drone2\s+computationallayer1\s+edge\s+1", text);
        Assert.Matches(@"VM1\s+computationallayer3\s+VM\s+1", text);
        Assert.Matches(@"h1\s+F14\s+2\.312842", text);
        var solution = Path.Combine(output, "solution.json");
        var report = InputValidator.Validate(solution, SharedData.PathOf("space4ai", "wind-farm", "system.json"));
        Assert.True(report.IsValid, string.Join("\n", report.Diagnostics));
        Assert.Equal(7.617805, Space4AiSolutionReader.Load(solution).GetValueOrThrow().Value.TotalCost!.Value.Value, 6);
        Assert.True(File.Exists(Path.Combine(output, "report.txt")));
    }

    [Fact]
    public void The_same_seed_gives_byte_identical_outputs()
    {
        var (a, b) = (Temp(), Temp());
        var instance = SharedData.PathOf("space4ai", "instances", "Strict", "10-components", "Ins3", "system_description.json");
        Assert.Equal(0, ValidateCommandTests.Run("place", instance, "--lambda", "1.8", "-o", a, "--iterations", "1000", "--ls-iterations", "100", "--seed", "5", "--threads", "1").Code);
        Assert.Equal(0, ValidateCommandTests.Run("place", instance, "--lambda", "1.8", "-o", b, "--iterations", "1000", "--ls-iterations", "100", "--seed", "5").Code);
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "solution.json")), File.ReadAllBytes(Path.Combine(b, "solution.json")));
    }

    [Fact]
    public void An_infeasible_instance_says_which_constraints_bind_and_what_would_fix_it()
    {
        var output = Temp();
        var (code, text, _) = ValidateCommandTests.Run("place", SharedData.PathOf("space4ai", "wind-farm", "system.json"), "--lambda", "3", "-o", output, "--iterations", "500", "--ls-iterations", "50");
        Assert.Equal(3, code);
        Assert.Contains("No feasible placement found.", text);
        Assert.Matches(@"At Lambda ≤ 0\.\d+ req/s \(now 3\) a feasible placement exists\.", text);
        Assert.False(File.Exists(Path.Combine(output, "solution.json")));
        Assert.Contains("No feasible placement found.", File.ReadAllText(Path.Combine(output, "report.txt")));
    }

    [Fact]
    public void Constraints_that_cannot_be_met_even_in_the_best_case_are_named_with_their_bound()
    {
        var source = File.ReadAllText(SharedData.PathOf("space4ai", "wind-farm", "system.json"));
        var tight = Path.Combine(Temp(), "system.json");
        File.WriteAllText(tight, source.Replace("\"local_res_time\": 2.5", "\"local_res_time\": 0.5"));
        var (code, text, _) = ValidateCommandTests.Run("place", tight, "-o", Temp(), "--iterations", "500", "--ls-iterations", "50", "--no-explain");
        Assert.Equal(3, code);
        Assert.Matches(@"component c5 cannot meet its threshold of 0\.5 s: even in the best case it takes 2\.3128 s", text);
    }

    [Fact]
    public void A_design_without_demands_is_refused_with_a_clear_message()
    {
        var (code, _, error) = ValidateCommandTests.Run("place", SharedData.PathOf("aisprint", "mask_detection_3_components_4CL"), "-o", Temp(), "--lambda", "1");
        Assert.Equal(1, code);
        Assert.Contains("error AIS0017", error);
        Assert.Contains("no demands", error);
    }
}
