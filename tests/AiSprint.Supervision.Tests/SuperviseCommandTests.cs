using AiSprint.Cli;

namespace AiSprint.Supervision.Tests;

public sealed class SuperviseCommandTests
{
    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = AisprintApp.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_folder_that_is_not_a_build_folder_is_refused_naming_the_missing_files_and_nothing_is_written()
    {
        var folder = Directory.CreateTempSubdirectory("aisprint-not-a-build-").FullName;
        var output = Path.Combine(folder, "out");
        var (code, _, error) = Run("supervise", "--build-dir", folder, "--prometheus", "http://127.0.0.1:9090", "-o", output);
        Assert.Equal(1, code);
        Assert.Contains(Path.Combine(folder, "design", "system_description.json") + ": error AIS", error);
        Assert.Contains(Path.Combine(folder, "deployment", "solution.json") + ": error AIS", error);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("--poll-interval", "soon", "--poll-interval: 'soon' is not a duration")]
    [InlineData("--window", "-5m", "--window: '-5m' is not a duration")]
    [InlineData("--prometheus", "localhost:9090", "--prometheus: 'localhost:9090' is not an http(s) address")]
    public void A_malformed_option_is_a_usage_error_that_says_what_was_expected(string option, string value, string message)
    {
        string[] args = ["supervise", "--build-dir", ".", "--prometheus", "http://127.0.0.1:9090"];
        var (code, _, error) = Run([.. args.Where((_, i) => option != "--prometheus" || i < 3), option, value]);
        Assert.NotEqual(0, code);
        Assert.Contains(message, error);
    }
}
