using AiSprint.Analyzers.Consistency;
using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

public sealed class Ais0110PartitionableModelMissingTests
{
    private static readonly (string, string)[] OptedIn = [("AiSprintOnnxAdditionalFiles", "true"), ("ProjectDir", VerifyInputs.Project)];

    // The ONNX file's text does not matter: the rule checks presence only (see the rule's description).
    private static readonly (string, string) Model = ("models/mask_detector.onnx", "\b\u0007");

    private static string Source(string path) => $$"""
        public static class App
        {
            [Component("mask")]
            [ExecTime]
            [Partitionable({{path}}, 3)]
            public static void Detect() { }
        }
        """;

    [Fact]
    public Task A_model_that_is_no_AdditionalFile_is_reported_with_the_resolved_path() => VerifyInputs.AnalyzerAsync<PartitionableModelAnalyzer>(
        Source("""{|#0:"models/other.onnx"|}"""),
        [Model],
        OptedIn,
        Verify.Diagnostic(AiSprintRules.PartitionableModelMissing).WithLocation(0)
            .WithMessage("The partitionable model 'models/other.onnx' of 'mask' is not among the project's AdditionalFiles (resolved to '/proj/models/other.onnx')"));

    [Theory]
    [InlineData("models/mask_detector.onnx")]
    [InlineData("./models/../models/mask_detector.onnx")]
    [InlineData("models\\\\mask_detector.onnx")]
    [InlineData("/proj/models/mask_detector.onnx")]
    public Task A_model_among_the_AdditionalFiles_is_not_reported(string path) => VerifyInputs.AnalyzerAsync<PartitionableModelAnalyzer>(
        Source("\"" + path + "\""), [Model], OptedIn);

    [Fact]
    public Task The_package_property_AiSprintProjectDir_wins_over_ProjectDir() => VerifyInputs.AnalyzerAsync<PartitionableModelAnalyzer>(
        Source("""{|#0:"models/mask_detector.onnx"|}"""),
        [Model],
        [.. OptedIn, ("AiSprintProjectDir", "/elsewhere")],
        Verify.Diagnostic(AiSprintRules.PartitionableModelMissing).WithLocation(0)
            .WithMessage("The partitionable model 'models/mask_detector.onnx' of 'mask' is not among the project's AdditionalFiles (resolved to '/elsewhere/models/mask_detector.onnx')"));

    [Fact]
    public Task Without_a_project_directory_a_path_matches_the_end_of_an_AdditionalFile() => VerifyInputs.AnalyzerAsync<PartitionableModelAnalyzer>(
        Source("""{|#0:"mask_detector.onnx"|}"""),
        [Model],
        [("AiSprintOnnxAdditionalFiles", "true")]);

    [Fact]
    public Task Without_a_project_directory_a_missing_model_is_reported_without_a_resolved_path() => VerifyInputs.AnalyzerAsync<PartitionableModelAnalyzer>(
        Source("""{|#0:"other.onnx"|}"""),
        [Model],
        [("AiSprintOnnxAdditionalFiles", "true")],
        Verify.Diagnostic(AiSprintRules.PartitionableModelMissing).WithLocation(0)
            .WithMessage("The partitionable model 'other.onnx' of 'mask' is not among the project's AdditionalFiles"));

    [Fact]
    public Task Nothing_is_reported_unless_the_package_passes_the_onnx_files() => VerifyInputs.AnalyzerAsync<PartitionableModelAnalyzer>(
        Source("\"models/other.onnx\""), [], [("ProjectDir", VerifyInputs.Project)]);

    [Fact]
    public Task A_path_that_is_no_onnx_file_name_is_left_to_AIS0106() => VerifyInputs.AnalyzerAsync<PartitionableModelAnalyzer>(
        Source("\"models/other.pt\""), [Model], OptedIn);
}
