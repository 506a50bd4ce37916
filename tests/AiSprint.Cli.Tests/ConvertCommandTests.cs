using AiSprint.Model.Formats.Space4Ai;
using AiSprint.Model.Inputs;

namespace AiSprint.Cli.Tests;

public class ConvertCommandTests
{
    private static string Temp() => Directory.CreateTempSubdirectory("aisprint-convert-").FullName;

    public static TheoryData<string> Applications() =>
        new(Directory.EnumerateDirectories(SharedData.PathOf("aisprint")).Where(InputValidator.IsApplicationDirectory).Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Applications))]
    public void Every_example_application_converts_to_a_system_json_that_loads_and_validates(string application)
    {
        var target = Path.Combine(Temp(), "system.json");
        var (code, output, error) = ValidateCommandTests.Run("convert", SharedData.PathOf("aisprint", application), "-o", target, "--lambda", "1");
        Assert.True(code == 0, error);
        Assert.Contains($"wrote {target}", output);
        var report = InputValidator.Validate(target);
        Assert.Equal(InputKind.Space4AiSystem, report.Kind);
        Assert.True(report.IsValid, string.Join("\n", report.Diagnostics));
        Assert.Equal(1.0, Space4AiSystemReader.Load(target).GetValueOrThrow().Value.Lambda.Value);
    }

    [Fact]
    public void Constraints_given_with_units_reach_the_system_in_seconds()
    {
        var target = Path.Combine(Temp(), "system.json");
        var (code, _, error) = ValidateCommandTests.Run("convert", SharedData.PathOf("aisprint", "mask_detection_3_components_4CL"), "-o", target,
            "--lambda", "1", "--local", "mask-detector-onnx=10ms", "--global", "p1=blurry-faces-onnx,mask-detector-onnx@30ms");
        Assert.True(code == 0, error);
        var system = Space4AiSystemReader.Load(target).GetValueOrThrow().Value;
        Assert.Equal(0.010, system.LocalConstraints.Single().MaxResponseTime.Value, 12);
        Assert.Equal(["blurry-faces-onnx", "mask-detector-onnx"], system.GlobalConstraints.Single().Path);
        Assert.Equal(0.030, system.GlobalConstraints.Single().MaxResponseTime.Value, 12);
    }

    [Theory]
    [InlineData("--local", "mask-detector-onnx=10", "has no unit")]
    [InlineData("--global", "p1=blurry-faces-onnx,third_component@30ms", "no such edge")]
    [InlineData("--local", "nobody=10ms", "not a component")]
    public void Bad_constraints_are_refused_and_nothing_is_written(string option, string value, string message)
    {
        var target = Path.Combine(Temp(), "system.json");
        var (code, _, error) = ValidateCommandTests.Run("convert", SharedData.PathOf("aisprint", "mask_detection_3_components_4CL"), "-o", target, option, value);
        Assert.Equal(1, code);
        Assert.Contains(message, error);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void A_system_json_converts_to_an_application_directory_and_refuses_to_overwrite_one()
    {
        var directory = Path.Combine(Temp(), "app");
        var source = SharedData.PathOf("space4ai", "wind-farm", "system.json");
        var (code, _, error) = ValidateCommandTests.Run("convert", source, "-o", directory);
        Assert.True(code == 0, error);
        Assert.Contains("warning AIS0026", error); // demands, Lambda, constraints and early exits have no place in YAML
        var report = InputValidator.Validate(directory);
        Assert.True(report.IsValid, string.Join("\n", report.Diagnostics));
        Assert.StartsWith("AI-SPRINT application (5 components, 16 partitions in 10 deployments, 24 resources in 4 layers", report.Summary);

        (code, _, error) = ValidateCommandTests.Run("convert", source, "-o", directory);
        Assert.Equal(1, code);
        Assert.Contains("not empty", error);
    }

    [Fact]
    public void A_recorded_solution_converts_to_a_production_deployment_of_its_system()
    {
        var instance = SharedData.PathOf("space4ai", "instances", "Light", "5-components", "Ins1");
        var target = Path.Combine(Temp(), "production_deployment.yaml");
        var (code, output, error) = ValidateCommandTests.Run("convert", Path.Combine(instance, "best_sol_1.8.json"), "--system", Path.Combine(instance, "system_description.json"), "-o", target);
        Assert.True(code == 0, error);
        Assert.Contains("wrote", output);
        var report = InputValidator.Validate(target);
        Assert.Equal(InputKind.AiSprintProductionDeployment, report.Kind);
        Assert.True(report.IsValid, string.Join("\n", report.Diagnostics));
        Assert.Contains("selectedExecutionResource: Drone1", File.ReadAllText(target));
    }
}
