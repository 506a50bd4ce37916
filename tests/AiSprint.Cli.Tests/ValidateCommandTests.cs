using AiSprint.Cli;

namespace AiSprint.Cli.Tests;

public class ValidateCommandTests
{
    [Fact]
    public void Valid_real_files_exit_0_with_a_one_line_summary_each()
    {
        var system = SharedData.PathOf("space4ai", "wind-farm", "system.json");
        var solution = SharedData.PathOf("space4ai", "instances", "Strict", "10-components", "Ins2", "best_sol_1.8.json");
        var (code, output, _) = Run("validate", "--quiet", system, solution);
        Assert.Equal(0, code);
        Assert.Equal("", output);

        (code, output, var error) = Run("validate", system, solution);
        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{system}: valid SPACE4AI-D system description (5 components, 16 partitions in 10 deployments", lines[0]);
        Assert.Contains("2 warning(s)", lines[0]);
        Assert.StartsWith($"{solution}: valid SPACE4AI-D solution (10 components", lines[1]);
        Assert.Contains("warning AIS0014", error);
    }

    [Fact]
    public void A_corrupted_copy_prints_every_error_with_file_line_column_and_exits_1()
    {
        var original = File.ReadAllLines(SharedData.PathOf("space4ai", "wind-farm", "system.json"));
        var lines = original.ToArray();
        var cost = Array.FindIndex(lines, l => l.Contains("\"VM1\": {\"description\":\"AWS g3s.xlarge\""));
        lines[cost] = lines[cost].Replace("\"cost\": 0.75", "\"cost\": \"cheap\"");
        var lambda = Array.FindIndex(lines, l => l.Contains("\"Lambda\""));
        lines[lambda] = lines[lambda].Replace("0.25", "-0.25");
        var path = Path.Combine(Directory.CreateTempSubdirectory("aisprint-cli-").FullName, "system.json");
        File.WriteAllLines(path, lines);

        var (code, _, error) = Run("validate", path);

        Assert.Equal(1, code);
        Assert.Contains($"{path}:{cost + 1}:", error);
        Assert.Matches($@"{Regex(path)}:{cost + 1}:\d+: error AIS0003: CloudResources\.computationallayer3\.VM1\.cost is the string ""cheap""; expected the hourly cost of VM1 \(a number\)", error);
        Assert.Matches($@"{Regex(path)}:{lambda + 1}:\d+: error AIS0018: Lambda is -0\.25; expected the arrival rate Lambda in req/s ≥ 0", error);
        Assert.Matches(@"invalid SPACE4AI-D system description \(.*\): 2 error\(s\)", error);
    }

    [Fact]
    public void A_missing_file_and_an_unsupported_file_exit_1()
    {
        var (code, _, error) = Run("validate", "/nonexistent/system.json");
        Assert.Equal(1, code);
        Assert.Contains("error AIS0001", error);

        var text = Path.Combine(Directory.CreateTempSubdirectory("aisprint-cli-").FullName, "notes.txt");
        File.WriteAllText(text, "hello");
        (code, _, error) = Run("validate", text);
        Assert.Equal(1, code);
        Assert.Contains("error AIS0006", error);
    }

    [Fact]
    public void Help_explains_the_commands()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("validate", output);
        Assert.Contains("AI-SPRINT", output);
    }

    internal static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = AisprintApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}

public class EvaluateCommandTests
{
    [Fact]
    public void Evaluating_a_recorded_solution_prints_its_cost_and_times_and_exits_0()
    {
        var instance = SharedData.PathOf("space4ai", "instances", "Light", "5-components", "Ins1");
        var written = Path.Combine(Directory.CreateTempSubdirectory("aisprint-eval-").FullName, "evaluated.json");
        var (code, output, error) = ValidateCommandTests.Run("evaluate", Path.Combine(instance, "system_description.json"), Path.Combine(instance, "best_sol_1.8.json"), "-o", written);
        Assert.True(code == 0, error);
        Assert.Contains("feasible: yes", output);
        Assert.Contains("total cost: 11.958762", output);
        // time, then the components' and the network's shares of it, then the threshold.
        Assert.Matches(@"p3\s+c1 -> c4 -> c5\s+2\.031542\s+[\d.]+\s+[\d.]+\s+388\.45368", output);
        var evaluated = AiSprint.Model.Formats.Space4Ai.Space4AiSolutionReader.Load(written).GetValueOrThrow().Value;
        Assert.Equal(11.958761937689724, evaluated.TotalCost!.Value.Value, 12);
    }

    [Fact]
    public void A_placement_that_breaks_a_constraint_is_reported_infeasible_with_exit_3()
    {
        var instance = SharedData.PathOf("space4ai", "instances", "Light", "5-components", "Ins1");
        // At 100 req/s the devices saturate.
        var (code, output, _) = ValidateCommandTests.Run("evaluate", Path.Combine(instance, "system_description.json"), Path.Combine(instance, "best_sol_1.8.json"), "--lambda", "100");
        Assert.Equal(3, code);
        Assert.Contains("feasible: NO", output);
        Assert.Contains("utilisation: Drone1 is saturated", output);
    }
}
