using AiSprint.Analyzers.Inputs;
using AiSprint.Analyzers.Tests.Harness;

namespace AiSprint.Analyzers.Tests.Rules;

/// <summary>A file the analyzers cannot read is reported at its line, never silently ignored.</summary>
public sealed class Ais0111And1000InvalidInputFileTests
{
    private const string NoComponents = "public static class App { }";

    [Fact]
    public Task A_demand_that_is_no_number_and_a_row_of_the_wrong_width_are_reported_at_their_lines_under_the_builds_ids() => VerifyInputs.AnalyzerAsync<InputFileAnalyzer>(
        NoComponents,
        [("app.demands.csv", "# demands\ncomponent,resource,demand_ms\na,VM1,fast\na,VM1\n\na,VM1,-1\na,VM1,12\n")],
        VerifyInputs.InFile(InputRules.InvalidValue, "app.demands.csv", 3, 7, 3, 11)
            .WithMessage("app.demands.csv: demand_ms 'fast' is not a positive number of milliseconds"),
        VerifyInputs.InFile(InputRules.CsvRowLength, "app.demands.csv", 4, 1, 4, 6)
            .WithMessage("app.demands.csv: this row has 2 fields but the header names 3 columns"),
        VerifyInputs.InFile(InputRules.InvalidValue, "app.demands.csv", 6, 7, 6, 9)
            .WithMessage("app.demands.csv: demand_ms '-1' is not a positive number of milliseconds"));

    [Fact]
    public Task A_zero_demand_is_refused_as_the_build_refuses_it() => VerifyInputs.AnalyzerAsync<InputFileAnalyzer>(
        NoComponents,
        [("demands.csv", "component,resource,demand_ms\na,VM1,0\n")],
        VerifyInputs.InFile(InputRules.InvalidValue, "demands.csv", 2, 7, 2, 8)
            .WithMessage("demands.csv: demand_ms '0' is not a positive number of milliseconds"));

    [Fact]
    public Task A_duplicate_row_is_reported_as_the_build_reports_it_not_reduced_to_the_smaller_value() => VerifyInputs.AnalyzerAsync<InputFileAnalyzer>(
        NoComponents,
        [("demands.csv", "component,resource,demand_ms\na,VM1,30\na,VM1,10\n")],
        VerifyInputs.InFile(InputRules.DuplicateName, "demands.csv", 3, 1, 3, 9)
            .WithMessage("demands.csv: a on VM1 is listed twice (first at line 2); expected one demand per component and resource"));

    [Fact]
    public Task Cold_starts_and_unknown_columns_are_read_as_the_build_reads_them() => VerifyInputs.AnalyzerAsync<InputFileAnalyzer>(
        NoComponents,
        [("demands.csv", "component,resource,demand_ms,cold_ms,cold_msx\na,VM1,30,10,1\n")],
        VerifyInputs.InFile(InputRules.UnknownKey, "demands.csv", 1, 38, 1, 46)
            .WithMessage("demands.csv: column 'cold_msx' is not part of the demands format and is ignored; expected component, resource, demand_ms, cold_ms, partition (did you mean 'cold_ms'?)"),
        VerifyInputs.InFile(InputRules.InvalidValue, "demands.csv", 2, 10, 2, 14)
            .WithMessage("demands.csv: cold_ms 10 is below demand_ms 30; a cold start is never faster than a warm call"));

    [Fact]
    public Task A_demands_file_without_its_header_is_reported_on_its_first_row() => VerifyInputs.AnalyzerAsync<InputFileAnalyzer>(
        NoComponents,
        [("demands.csv", "component,resource,ms\na,VM1,12\n")],
        VerifyInputs.InFile(InputRules.MissingKey, "demands.csv", 1, 1, 1, 22)
            .WithMessage("demands.csv: the header has no 'demand_ms' column; expected component,resource,demand_ms (optionally cold_ms, partition)"),
        VerifyInputs.InFile(InputRules.UnknownKey, "demands.csv", 1, 20, 1, 22)
            .WithMessage("demands.csv: column 'ms' is not part of the demands format and is ignored; expected component, resource, demand_ms, cold_ms, partition"));

    [Fact]
    public Task A_demand_on_a_resource_the_candidates_lack_is_reported_with_the_closest_name() => VerifyInputs.AnalyzerAsync<InputFileAnalyzer>(
        NoComponents,
        [TestInputs.ResourcesFile, TestInputs.Demands("a,VM1,12", "a,VM7,12")],
        VerifyInputs.InFile(InputRules.UnknownResource, "app.demands.csv", 4, 1, 4, 9)
            .WithMessage("app.demands.csv: resource 'VM7' is not in candidate_resources.yaml; did you mean 'VM1'? expected one of Pi, VM1, VM2, VM3"));

    [Fact]
    public Task Resources_with_a_bad_bandwidth_and_a_missing_memory_are_reported_at_the_values() => VerifyInputs.AnalyzerAsync<InputFileAnalyzer>(
        NoComponents,
        [(CandidateResourcesReader.FileName, TestInputs.Resources.Replace("Bandwidth: 80", "Bandwidth: fast").Replace("      memorySize: 4096\n", "\n"))],
        VerifyInputs.InFile(AiSprintRules.InvalidFeasibilityFile, CandidateResourcesReader.FileName, 7, 18, 7, 22)
            .WithMessage("candidate_resources.yaml: network domain ND1 Bandwidth (Mbps) is not a number"),
        VerifyInputs.InFile(AiSprintRules.InvalidFeasibilityFile, CandidateResourcesReader.FileName, 16, 15, 16, 23)
            .WithMessage("candidate_resources.yaml: resource resource1 of edge has no 'memorySize'"));

    [Fact]
    public Task An_unclosed_flow_list_in_the_DAG_file_is_reported_where_the_parser_stopped() => VerifyInputs.AnalyzerAsync<InputFileAnalyzer>(
        NoComponents,
        [("application_dag.yaml", "System:\n  components: ['a', 'b'\n  dependencies: []\n")],
        VerifyInputs.InFile(AiSprintRules.InvalidDesignFile, "application_dag.yaml", 2, 16, 2, 19)
            .WithMessage("application_dag.yaml: not well-formed YAML after this point (an unclosed '[' or '{'?)"));

    [Fact]
    public Task A_yaml_syntax_error_in_the_resources_is_reported_with_the_parser_message() => VerifyInputs.AnalyzerAsync<InputFileAnalyzer>(
        NoComponents,
        [(CandidateResourcesReader.FileName, "System:\n\tname: x\n")],
        VerifyInputs.InFile(AiSprintRules.InvalidFeasibilityFile, CandidateResourcesReader.FileName, 1, 1, 1, 8)
            .WithMessage("candidate_resources.yaml: not well-formed YAML: While scanning a mapping, found invalid tab as indentation."));

    [Fact]
    public Task A_duplicate_key_is_reported_and_does_not_crash_the_analyzer() => VerifyInputs.AnalyzerAsync<InputFileAnalyzer>(
        NoComponents,
        [("components_data_size.yaml", "a: 1\na: 2\n")],
        VerifyInputs.InFile(AiSprintRules.InvalidDesignFile, "components_data_size.yaml", 2, 1, 2, 2)
            .WithMessage("components_data_size.yaml: not well-formed YAML: Duplicate key a"));

    [Fact]
    public Task A_dependency_that_is_no_triple_is_reported_at_the_dependency() => VerifyInputs.AnalyzerAsync<InputFileAnalyzer>(
        NoComponents,
        [("application_dag.yaml", "System:\n  components: ['a', 'b']\n  dependencies: [['a', 'b']]\n")],
        VerifyInputs.InFile(AiSprintRules.InvalidDesignFile, "application_dag.yaml", 3, 18, 3, 28)
            .WithMessage("application_dag.yaml: a dependency is not [from, to, probability]"));

    [Fact]
    public Task Valid_files_and_other_AdditionalFiles_are_not_reported() => VerifyInputs.AnalyzerAsync<InputFileAnalyzer>(
        NoComponents,
        [
            TestInputs.ResourcesFile,
            TestInputs.Demands("a,VM1,12", "a,Pi,40.5"),
            ("application_dag.yaml", "System:\n  name: app\n  components: ['a']\n  dependencies: []\n"),
            ("components_data_size.yaml", "a: 1.5\n"),
            ("notes.csv", "not,a,demands,file\n"),
        ]);
}
