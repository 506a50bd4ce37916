using AiSprint.Analyzers.Consistency;
using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

public sealed class Ais0109DagFileMismatchTests
{
    private const string Dag = """
        System:
          name: app
          components: ['a', 'b', 'c']
          dependencies: [['a', 'b', 0.8], ['b', 'c', 1]]
        """;

    private static (string, string) DagFile(string text = Dag) => ("application_dag.yaml", text);

    private static string Code(string a, string b, string extra = "") => $$"""
        public static class App
        {
            [Component("a")]
            [ExecTime]
            {{a}}
            public static void A() { }

            [Component("b")]
            [ExecTime]
            {{b}}
            public static void B() { }

            [Component("c")]
            [ExecTime]
            public static void C() { }
            {{extra}}
        }
        """;

    [Fact]
    public Task The_same_DAG_in_code_and_file_is_not_reported() => VerifyInputs.AnalyzerAsync<DagFileAnalyzer>(
        Code("""[Successor("b", Probability = 0.8, DataSizeMb = 4.5)]""", """[Successor("c")]"""),
        [DagFile(), ("components_data_size.yaml", "a: 4.5\nb: 1\n")]);

    [Fact]
    public Task A_DAG_kept_only_in_the_file_is_accepted() => VerifyInputs.AnalyzerAsync<DagFileAnalyzer>(Code("", ""), [DagFile()]);

    [Fact]
    public Task The_real_mask_detection_DAG_matches_its_annotated_code()
    {
        var yaml = File.ReadAllText(SharedData.PathOf("aisprint", "mask_detection_3_components_4CL", "common_config", "application_dag.yaml"));
        return VerifyInputs.AnalyzerAsync<DagFileAnalyzer>(
            """
            public static class App
            {
                [Component("blurry-faces-onnx")]
                [ExecTime]
                [Successor("mask-detector-onnx")]
                public static void Blur() { }

                [Component("mask-detector-onnx")]
                [ExecTime(10, TimeUnit.Milliseconds)]
                [Successor("third_component")]
                public static void Detect() { }

                [Component("third_component")]
                [GlobalExecTime("path", 30, TimeUnit.Milliseconds, "mask-detector-onnx")]
                public static void Third() { }
            }
            """,
            [DagFile(yaml)]);
    }

    [Fact]
    public Task A_code_component_missing_from_the_file_is_reported_on_its_name() => VerifyInputs.AnalyzerAsync<DagFileAnalyzer>(
        Code("""[Successor("b", Probability = 0.8)]""", """[Successor("c")]""", """[Component({|#0:"d"|})] public static void D() { }"""),
        [DagFile()],
        Verify.Diagnostic(AiSprintRules.DagFileMismatch).WithLocation(0)
            .WithMessage("The DAG in code and application_dag.yaml disagree: component 'd' is not in System.components"));

    [Fact]
    public Task A_file_component_no_method_declares_is_reported_at_its_place_in_the_file() => VerifyInputs.AnalyzerAsync<DagFileAnalyzer>(
        Code("", ""),
        [DagFile(Dag.Replace("'c']", "'c', 'ghost']"))],
        VerifyInputs.InFile(AiSprintRules.DagFileMismatch, "application_dag.yaml", 3, 31, 3, 38)
            .WithMessage("The DAG in code and application_dag.yaml disagree: component 'ghost' is declared by no method of the compilation"));

    [Fact]
    public Task A_code_edge_missing_from_the_file_is_reported_on_the_attribute() => VerifyInputs.AnalyzerAsync<DagFileAnalyzer>(
        Code("""[Successor("b", Probability = 0.8)] [{|#0:Successor("c", Probability = 0.2)|}]""", """[Successor("c")]"""),
        [DagFile()],
        Verify.Diagnostic(AiSprintRules.DagFileMismatch).WithLocation(0)
            .WithMessage("The DAG in code and application_dag.yaml disagree: the edge a -> c is not in System.dependencies"));

    [Fact]
    public Task A_file_edge_missing_from_the_code_is_reported_at_its_line() => VerifyInputs.AnalyzerAsync<DagFileAnalyzer>(
        Code("""[Successor("b", Probability = 0.8)]""", ""),
        [DagFile()],
        VerifyInputs.InFile(AiSprintRules.DagFileMismatch, "application_dag.yaml", 4, 35, 4, 48)
            .WithMessage("The DAG in code and application_dag.yaml disagree: the edge b -> c has no [Successor(\"c\")] on App.B"));

    [Fact]
    public Task A_different_probability_is_reported_on_the_attribute_with_both_values() => VerifyInputs.AnalyzerAsync<DagFileAnalyzer>(
        Code("""[{|#0:Successor("b", Probability = 0.75)|}]""", """[Successor("c")]"""),
        [DagFile()],
        Verify.Diagnostic(AiSprintRules.DagFileMismatch).WithLocation(0)
            .WithMessage("The DAG in code and application_dag.yaml disagree: the edge a -> b has probability 0.75 in code and 0.8 in the file (line 4)"));

    [Fact]
    public Task A_different_data_size_is_reported_against_components_data_size() => VerifyInputs.AnalyzerAsync<DagFileAnalyzer>(
        Code("""[{|#0:Successor("b", Probability = 0.8, DataSizeMb = 4)|}]""", """[Successor("c")]"""),
        [DagFile(), ("components_data_size.yaml", "# MB sent on\na: 4.5\n")],
        Verify.Diagnostic(AiSprintRules.DagFileMismatch).WithLocation(0)
            .WithMessage("The DAG in code and components_data_size.yaml disagree: the edge a -> b carries 4 MB in code and 4.5 MB in the file (line 2)"));

    [Fact]
    public Task A_DAG_file_with_a_problem_is_not_compared_until_fixed() => VerifyInputs.AnalyzerAsync<DagFileAnalyzer>(
        Code("""[Successor("b", Probability = 0.8)]""", """[Successor("c")]"""),
        [DagFile(Dag.Replace("'b', 'c']", "'b', ['c']]"))]);
}
