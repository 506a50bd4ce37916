using AiSprint.Analyzers.Consistency;
using AiSprint.Analyzers.Feasibility;
using AiSprint.Analyzers.Inputs;
using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

/// <summary>
/// No false positives: the documented sample with every input file it can have, all valid and agreeing with the code,
/// under every analyzer that reads AdditionalFiles.
/// </summary>
public sealed class CleanInputsTests
{
    private static readonly (string, string)[] Files =
    [
        TestInputs.ResourcesFile,
        TestInputs.Demands("blurry-faces-onnx,Pi,400", "blurry-faces-onnx,VM2,120", "mask-detector-onnx,VM2,900", "mask-detector-onnx,VM3,950"),
        ("application_dag.yaml", "System:\n  name: mask\n  components: ['blurry-faces-onnx', 'mask-detector-onnx']\n  dependencies: [['blurry-faces-onnx', 'mask-detector-onnx', 0.8]]\n"),
        ("components_data_size.yaml", "blurry-faces-onnx: 4.5\n"),
        ("models/mask_detector.onnx", "\b"),
    ];

    private static readonly (string, string)[] Properties = [("AiSprintOnnxAdditionalFiles", "true"), ("ProjectDir", VerifyInputs.Project)];

    [Fact]
    public Task Dag_file_analyzer() => VerifyInputs.AnalyzerAsync<DagFileAnalyzer>(CleanSampleTests.Sample, Files, Properties);

    [Fact]
    public Task Partitionable_model_analyzer() => VerifyInputs.AnalyzerAsync<PartitionableModelAnalyzer>(CleanSampleTests.Sample, Files, Properties);

    [Fact]
    public Task Input_file_analyzer() => VerifyInputs.AnalyzerAsync<InputFileAnalyzer>(CleanSampleTests.Sample, Files, Properties);

    [Fact]
    public Task Feasibility_analyzer() => VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(CleanSampleTests.Sample, Files, Properties);

    [Fact]
    public Task Feasibility_analyzer_on_code_without_additional_files() => VerifyInputs.AnalyzerAsync<FeasibilityAnalyzer>(CleanSampleTests.Sample, []);
}
