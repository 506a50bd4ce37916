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

    /// <summary>The wind farm's system JSON alone, or with the authors' methods.json beside it.</summary>
    private static string WindFarmCopy(bool withMethods)
    {
        var directory = Temp();
        File.Copy(SharedData.PathOf("space4ai", "wind-farm", "system.json"), Path.Combine(directory, "system.json"));
        if (withMethods) File.Copy(SharedData.PathOf("space4ai", "wind-farm", "methods.json"), Path.Combine(directory, "methods.json"));
        return Path.Combine(directory, "system.json");
    }

    [Fact]
    public void The_methods_json_beside_a_system_is_read_by_default_and_the_report_says_what_it_took()
    {
        var system = WindFarmCopy(withMethods: true);
        var methods = Path.Combine(Path.GetDirectoryName(system)!, "methods.json");
        var output = Temp();
        var (code, text, error) = ValidateCommandTests.Run("place", system, "-o", output, "--iterations", "3000", "--ls-iterations", "300");
        Assert.True(code == 0, error);
        var report = File.ReadAllText(Path.Combine(output, "report.txt"));
        // The authors ran seed 2 with Random Greedy only: their "local search" is no method SPACE4AI-D registers.
        Assert.StartsWith("Random Greedy, seed 2: 3000 Random Greedy iterations", report, StringComparison.Ordinal);
        Assert.Contains($"run settings: {methods}: took seed 2, method RandomGreedy; the command line's Random Greedy iterations (--iterations) won; skipped 'local search' (not a method SPACE4AI-D runs)", report, StringComparison.Ordinal);
        Assert.Contains("durations not applied", report, StringComparison.Ordinal);
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(methods)}:5:\d+: warning AIS\d{{4}}: method 'local search' is not one SPACE4AI-D runs", error);
    }

    [Fact]
    public void Flags_win_over_the_methods_json_and_without_one_nothing_is_said()
    {
        var system = WindFarmCopy(withMethods: true);
        var output = Temp();
        var (code, _, error) = ValidateCommandTests.Run("place", system, "-o", output, "--iterations", "3000", "--ls-iterations", "300", "--seed", "5", "--method", "ls");
        Assert.True(code == 0, error);
        var report = File.ReadAllText(Path.Combine(output, "report.txt"));
        Assert.StartsWith("Random Greedy + Local Search, seed 5:", report, StringComparison.Ordinal);
        Assert.Contains("took nothing; the command line's seed (--seed), method (--method), Random Greedy iterations (--iterations) won", report, StringComparison.Ordinal);

        var alone = Temp();
        (code, _, error) = ValidateCommandTests.Run("place", WindFarmCopy(withMethods: false), "-o", alone, "--iterations", "3000", "--ls-iterations", "300");
        Assert.True(code == 0, error);
        Assert.DoesNotContain("run settings", File.ReadAllText(Path.Combine(alone, "report.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_seed_gives_byte_identical_outputs()
    {
        var (a, b) = (Temp(), Temp());
        var instance = SharedData.PathOf("space4ai", "instances", "Strict", "10-components", "Ins3", "system_description.json");
        Assert.Equal(0, ValidateCommandTests.Run("place", instance, "--lambda", "1.8", "-o", a, "--iterations", "1000", "--ls-iterations", "100", "--seed", "5", "--threads", "1").Code);
        Assert.Equal(0, ValidateCommandTests.Run("place", instance, "--lambda", "1.8", "-o", b, "--iterations", "1000", "--ls-iterations", "100", "--seed", "5").Code);
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "solution.json")), File.ReadAllBytes(Path.Combine(b, "solution.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "report.txt")), File.ReadAllBytes(Path.Combine(b, "report.txt")));
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

public class SweepTests
{
    [Fact]
    public void A_lambda_sweep_writes_a_csv_and_an_svg_with_a_point_per_rate()
    {
        var output = Directory.CreateTempSubdirectory("aisprint-sweep-").FullName;
        var (code, _, error) = ValidateCommandTests.Run("place", SharedData.PathOf("space4ai", "wind-farm", "system.json"), "-o", output,
            "--sweep-lambda", "0.1:0.5:0.1", "--iterations", "1000", "--ls-iterations", "100");
        Assert.True(code == 0, error);
        var rows = File.ReadAllLines(Path.Combine(output, "sweep.csv"));
        Assert.Equal("lambda_req_s,feasible,cost,binding_constraint,response_time_s,threshold_s", rows[0]);
        Assert.Equal(["0.1", "0.2", "0.3", "0.4", "0.5"], rows.Skip(1).Select(r => r.Split(',')[0]));
        // Cost grows with load, and past the drones' capacity nothing is feasible.
        var costs = rows.Skip(1).Select(r => r.Split(',')).Where(f => f[1] == "true").Select(f => double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(costs.Order(), costs);
        Assert.EndsWith(",false,,,,", rows[^1]);
        var svg = System.Xml.Linq.XDocument.Load(Path.Combine(output, "sweep.svg"));
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        // The chart (ScottPlot) has a marker per feasible rate for the cost and for the binding time, plus their legend
        // swatches, and names every series.
        Assert.Equal(2 * costs.Count + 2, svg.Descendants().Count(e => e.Name.LocalName == "ellipse"));
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains(AiSprint.Placement.Reporting.SweepChart.CostLegend, texts);
        Assert.Contains(AiSprint.Placement.Reporting.SweepChart.TimeLegend, texts);
        Assert.Contains(AiSprint.Placement.Reporting.SweepChart.InfeasibleLegend, texts);
    }

    [Fact]
    public void A_malformed_sweep_range_is_refused()
    {
        var (code, _, error) = ValidateCommandTests.Run("place", SharedData.PathOf("space4ai", "wind-farm", "system.json"), "-o", Path.GetTempPath(), "--sweep-lambda", "0.5:0.1:0.1");
        Assert.Equal(1, code);
        Assert.Contains("expected 0 < start ≤ end and step > 0", error);
    }
}
