using AiSprint.Analyzers.CodeFixes;
using AiSprint.Analyzers.Consistency;
using AiSprint.Analyzers.Tests.Harness;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace AiSprint.Analyzers.Tests.Rules;

public sealed class Ais0125To0129EarlyExitsTests
{
    private static readonly (string, string)[] OptedIn = [("AiSprintOnnxAdditionalFiles", "true"), ("ProjectDir", VerifyInputs.Project)];
    private static readonly (string, string) Model = ("models/ee.onnx", "\b\u0007");
    private static readonly (string, string) TwoExits = ("models/early_exits.csv", "exits,input_nodes,output_nodes\n1,['stage1'],['exit1']\n2,['stage2'],['exit2']\n");

    private static string Source(string attribute, string condition = "internal static bool Confident(System.ReadOnlySpan<float> logits) => logits[0] > 0.5f;") => $$"""
        public static class App
        {
            [Component("classifier")]
            {{attribute}}
            public static int Classify(float[] image) => 0;

            {{condition}}
        }
        """;

    [Fact]
    public Task A_usable_condition_declared_probabilities_and_present_files_give_nothing() => VerifyInputs.AnalyzerAsync<EarlyExitsAnalyzer>(
        Source("""[EarlyExits("models/ee.onnx", nameof(Confident), 0.7, 0.4)]"""), [Model, TwoExits], OptedIn);

    [Fact]
    public Task A_float_array_condition_is_usable_too() => VerifyInputs.AnalyzerAsync<EarlyExitsAnalyzer>(
        Source("""[EarlyExits("models/ee.onnx", "Sure", 0.7, 0.4)]""", "public static bool Sure(float[] logits) => true;"), [Model, TwoExits], OptedIn);

    [Fact]
    public Task A_condition_with_the_wrong_signature_is_AIS0125_at_the_argument() => VerifyInputs.AnalyzerAsync<EarlyExitsAnalyzer>(
        Source("""[EarlyExits("models/ee.onnx", {|#0:nameof(Confident)|}, 0.7, 0.4)]""", "internal static bool Confident(int logits) => true;"),
        [Model, TwoExits], OptedIn,
        Verify.Diagnostic(AiSprintRules.EarlyExitConditionSignature).WithLocation(0)
            .WithMessage("The early-exit condition 'Confident' of 'classifier' is declared as 'App.Confident(int)'; expected static bool Name(ReadOnlySpan<float> headOutput) (or float[]), not private"));

    [Fact]
    public Task A_private_condition_is_AIS0125_because_the_runner_cannot_call_it() => VerifyInputs.AnalyzerAsync<EarlyExitsAnalyzer>(
        Source("""[EarlyExits("models/ee.onnx", {|#0:nameof(Confident)|}, 0.7, 0.4)]""", "private static bool Confident(float[] logits) => true;"),
        [Model, TwoExits], OptedIn,
        Verify.Diagnostic(AiSprintRules.EarlyExitConditionSignature).WithLocation(0)
            .WithMessage("The early-exit condition 'Confident' of 'classifier' is declared as 'App.Confident(float[])' (private: the generated runner cannot call it); expected static bool Name(ReadOnlySpan<float> headOutput) (or float[]), not private"));

    [Fact]
    public Task A_misspelt_condition_is_fixed_to_the_one_close_usable_method()
    {
        var test = new CSharpCodeFixTest<EarlyExitsAnalyzer, EarlyExitConditionCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
            TestCode = Verify.Usings + Source("""[EarlyExits("models/ee.onnx", {|#0:"Confidnt"|}, 0.7, 0.4)]"""),
            FixedCode = Verify.Usings + Source("""[EarlyExits("models/ee.onnx", "Confident", 0.7, 0.4)]"""),
        };
        Verify.AddReferences(test.TestState);
        Verify.AddReferences(test.FixedState);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(AiSprintRules.EarlyExitConditionSignature).WithLocation(0)
            .WithMessage("The early-exit condition 'Confidnt' of 'classifier' is no method of App (did you mean 'Confident'?); expected static bool Name(ReadOnlySpan<float> headOutput) (or float[]), not private"));
        return test.RunAsync();
    }

    [Fact]
    public Task A_probability_outside_zero_one_is_AIS0126_at_that_probability() => VerifyInputs.AnalyzerAsync<EarlyExitsAnalyzer>(
        Source("""[EarlyExits("models/ee.onnx", nameof(Confident), 0.7, {|#0:1.4|})]"""), [Model, TwoExits], OptedIn,
        Verify.Diagnostic(AiSprintRules.ExitProbabilityOutOfRange).WithLocation(0).WithMessage("Transition probability 1.4 of exit 2 of 'classifier' is outside [0, 1]"));

    [Fact]
    public Task Fewer_probabilities_than_exits_is_AIS0127() => VerifyInputs.AnalyzerAsync<EarlyExitsAnalyzer>(
        Source("""[{|#0:EarlyExits("models/ee.onnx", nameof(Confident), 0.7)|}]"""), [Model, TwoExits], OptedIn,
        Verify.Diagnostic(AiSprintRules.ExitProbabilityCount).WithLocation(0)
            .WithMessage("'classifier' declares 1 transition probabilities but 'models/early_exits.csv' lists 2 exits; expected one per exit"));

    [Fact]
    public Task A_missing_model_and_exits_file_are_AIS0128_with_the_resolved_paths() => VerifyInputs.AnalyzerAsync<EarlyExitsAnalyzer>(
        Source("""[EarlyExits({|#0:"nets/ee.onnx"|}, nameof(Confident), 0.7, 0.4)]"""), [Model, TwoExits], OptedIn,
        Verify.Diagnostic(AiSprintRules.EarlyExitFileMissing).WithLocation(0)
            .WithMessage("The early-exit model 'nets/ee.onnx' of 'classifier' is not among the project's AdditionalFiles (resolved to '/proj/nets/ee.onnx')"),
        Verify.Diagnostic(AiSprintRules.EarlyExitFileMissing).WithLocation(0)
            .WithMessage("The early-exit exits file 'nets/early_exits.csv' of 'classifier' is not among the project's AdditionalFiles (resolved to '/proj/nets/early_exits.csv')"));

    [Fact]
    public Task A_custom_exits_file_is_read_from_ExitsFile() => VerifyInputs.AnalyzerAsync<EarlyExitsAnalyzer>(
        Source("""[EarlyExits("models/ee.onnx", nameof(Confident), 0.7, ExitsFile = "models/one_exit.csv")]"""),
        [Model, ("models/one_exit.csv", "exits,input_nodes,output_nodes\n1,['stage1'],['exit1']\n")], OptedIn);

    [Fact]
    public Task EarlyExits_with_Partitionable_is_AIS0129() => VerifyInputs.AnalyzerAsync<EarlyExitsAnalyzer>(
        Source("""[{|#0:EarlyExits("models/ee.onnx", nameof(Confident), 0.7, 0.4)|}]""" + "\n    [Partitionable(\"models/ee.onnx\", 2)]"), [Model, TwoExits], OptedIn,
        Verify.Diagnostic(AiSprintRules.EarlyExitsWithPartitionable).WithLocation(0)
            .WithMessage("'classifier' is both [EarlyExits] and [Partitionable]; an early-exit network is split at its exits only"));

    [Fact]
    public Task A_malformed_exits_file_is_AIS0034_at_its_line() => VerifyInputs.AnalyzerAsync<EarlyExitsAnalyzer>(
        Source("""[EarlyExits("models/ee.onnx", nameof(Confident), 0.7, 0.4)]"""),
        [Model, ("models/early_exits.csv", "exits,input_nodes,output_nodes\n1,stage1,['exit1']\n")], OptedIn,
        VerifyInputs.InFile(AiSprintRules.MalformedEarlyExits, "models/early_exits.csv", 2, 1, 2, 19)
            .WithMessage("input_nodes 'stage1' is not a list literal; expected e.g. ['tensor_name']"));
}
