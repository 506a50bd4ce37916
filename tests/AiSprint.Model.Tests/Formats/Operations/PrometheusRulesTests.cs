using AiSprint.Model.Formats.Operations;
using AiSprint.Model.Units;
using YamlDotNet.RepresentationModel;

namespace AiSprint.Model.Tests.Formats.Operations;

public class PrometheusRulesTests
{
    private static readonly SystemDescription WindFarm = new()
    {
        Name = "WindFarm",
        LocalConstraints = ValueList.Of(new LocalConstraint("report", new Seconds(2.5)), new LocalConstraint("blade-detector", new Seconds(0.0125))),
        GlobalConstraints = ValueList.Of(new GlobalConstraint("inspection", ValueList.Of("capture", "blade-detector", "defect-segmenter"), new Seconds(3))),
    };

    private static YamlSequenceNode Rules(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var group = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode)["groups"]).Single();
        return (YamlSequenceNode)group["rules"];
    }

    private static string Scalar(YamlNode node, params string[] path)
    {
        foreach (var key in path) node = ((YamlMappingNode)node)[key];
        return ((YamlScalarNode)node).Value!;
    }

    [Fact]
    public void One_alert_per_constraint_compares_the_mean_over_the_window_with_the_threshold_in_ms()
    {
        var text = PrometheusRules.Write(WindFarm);
        var rules = Rules(text).Children;
        Assert.Equal(3, rules.Count);

        Assert.Equal("AiSprintLocalConstraint_report", Scalar(rules[0], "alert"));
        Assert.Equal("sum(rate(aisprint_component_duration_milliseconds_sum{component=\"report\"}[5m])) / sum(rate(aisprint_component_duration_milliseconds_count{component=\"report\"}[5m])) > 2500",
            Scalar(rules[0], "expr"));
        Assert.Equal("2m", Scalar(rules[0], "for"));
        Assert.Equal(("warning", "report", "local"), (Scalar(rules[0], "labels", "severity"), Scalar(rules[0], "labels", "constraint"), Scalar(rules[0], "labels", "scope")));
        Assert.Equal("report answers in {{ $value | printf \"%.0f\" }} ms on average over 5m; its local constraint is 2500 ms", Scalar(rules[0], "annotations", "summary"));

        Assert.Equal("AiSprintLocalConstraint_blade_detector", Scalar(rules[1], "alert"));
        Assert.EndsWith("{component=\"blade-detector\"}[5m])) > 12.5", Scalar(rules[1], "expr"));

        Assert.Equal("AiSprintGlobalConstraint_inspection", Scalar(rules[2], "alert"));
        Assert.Equal("sum(rate(aisprint_path_duration_milliseconds_sum{path=\"inspection\"}[5m])) / sum(rate(aisprint_path_duration_milliseconds_count{path=\"inspection\"}[5m])) > 3000",
            Scalar(rules[2], "expr"));
        Assert.Equal(("inspection", "global"), (Scalar(rules[2], "labels", "constraint"), Scalar(rules[2], "labels", "scope")));
        Assert.Equal("path inspection (capture -> blade-detector -> defect-segmenter) takes {{ $value | printf \"%.0f\" }} ms on average over 5m; its global constraint is 3000 ms",
            Scalar(rules[2], "annotations", "summary"));

        Assert.StartsWith("groups:\n- name: aisprint-WindFarm\n  rules:\n", text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_window_and_hold_time_are_parameters()
    {
        var rule = Rules(PrometheusRules.Write(WindFarm, window: "1m", holdFor: "30s")).Children[0];
        Assert.Contains("[1m])) / sum(rate(", Scalar(rule, "expr"));
        Assert.Equal("30s", Scalar(rule, "for"));
        Assert.Contains("on average over 1m;", Scalar(rule, "annotations", "summary"));
    }

    [Fact]
    public void The_wind_farm_rules_pass_promtool()
    {
        AssertPromtoolAccepts(PrometheusRules.Write(WindFarm), 3);
    }

    [Fact]
    public void Names_with_quotes_backslashes_and_symbols_are_escaped_in_the_selector_and_sanitised_in_the_alert()
    {
        var system = new SystemDescription
        {
            Name = "my app: v2",
            LocalConstraints = ValueList.Of(new LocalConstraint("odd \"name\" \\ {x}", new Seconds(0.1))),
            GlobalConstraints = ValueList.Of(new GlobalConstraint("path #1: a/b", ValueList.Of("a", "b"), new Seconds(1))),
        };
        var text = PrometheusRules.Write(system);
        var rules = Rules(text).Children;
        Assert.Equal("AiSprintLocalConstraint_odd__name_____x_", Scalar(rules[0], "alert"));
        Assert.Contains("{component=\"odd \\\"name\\\" \\\\ {x}\"}[5m]", Scalar(rules[0], "expr"));
        Assert.Equal("odd \"name\" \\ {x}", Scalar(rules[0], "labels", "constraint"));
        Assert.Equal("AiSprintGlobalConstraint_path__1__a_b", Scalar(rules[1], "alert"));
        Assert.Contains("{path=\"path #1: a/b\"}", Scalar(rules[1], "expr"));
        AssertPromtoolAccepts(text, 2);
    }

    [Fact]
    public void A_design_without_constraints_writes_an_empty_group_promtool_accepts()
    {
        var text = PrometheusRules.Write(new SystemDescription());
        Assert.Empty(Rules(text).Children);
        AssertPromtoolAccepts(text, 0);
    }

    private static void AssertPromtoolAccepts(string text, int rules)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("aisprint-rules-").FullName, PrometheusRules.FileName);
        File.WriteAllText(file, text);
        var (code, output) = PromTool.CheckRules(file);
        Assert.True(code == 0, output + "\n" + text);
        Assert.Contains($"SUCCESS: {rules} rules found", output);
    }
}
