using System.CommandLine;
using System.Globalization;
using System.Text;
using AiSprint.Model.Formats;
using AiSprint.Profiling.Components;
using AiSprint.Regression;
using AiSprint.Regression.Models;

namespace AiSprint.Cli.Commands;

/// <summary>
/// <c>aisprint profile-report</c>: measured against predicted, per component, on the profiled resource — what the build
/// prints after it trained the models of <c>aisprint profile</c>'s datasets and before it places on their demands.
/// </summary>
internal static class ProfileReportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var profiles = new Argument<string>("profiles") { Description = "The directory aisprint profile wrote (<component>.csv)." };
        var models = new Option<string>("--models") { Description = "The directory holding <component>-measured/best.model.json per component.", Required = true };
        var resource = new Option<string>("--resource") { Description = "The profiled resource whose rows are compared.", Required = true };
        var outputPath = new Option<string?>("--output", "-o") { Description = "Also write the report to this file." };
        var command = new Command("profile-report", "Compare each component's measured times on the profiled resource with its trained model's predictions (MAPE per component).\nExit code 0; 1 when a dataset or model cannot be read.")
        {
            profiles, models, resource, outputPath,
        };
        command.SetAction(parse =>
        {
            var directory = parse.GetValue(profiles)!;
            var text = new StringBuilder();
            try
            {
                foreach (var dataset in Directory.EnumerateFiles(directory, "*.csv").Where(f => !f.EndsWith(".features.csv", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
                {
                    var component = Path.GetFileNameWithoutExtension(dataset);
                    var modelPath = Path.Combine(parse.GetValue(models)!, component + "-measured", "best.model.json");
                    if (!File.Exists(modelPath)) continue;
                    var model = RegressionModel.Load(modelPath);
                    var comparison = MeasuredVersusPredicted.Compare(component, dataset, model, parse.GetValue(resource)!);
                    var features = Path.Combine(directory, component + ".features.csv");
                    double? demand = File.Exists(features) ? model.PredictCsv(features).FirstOrDefault() : null;
                    text.Append(MeasuredVersusPredicted.ToText(comparison, demand));
                }
            }
            catch (Exception ex) when (ex is RegressionException or ProfilingException or IOException or FormatException or Model.Diagnostics.InvalidInputException or System.Text.Json.JsonException)
            {
                error.WriteLine($"{directory}: error {Model.Diagnostics.DiagnosticCatalog.TrainingFailed.Code}: cannot compare measured and predicted times: {ex.Message}");
                return ExitCodes.InvalidInput;
            }

            if (parse.GetValue(outputPath) is { } path) AtomicFile.WriteAllText(path, text.ToString());
            output.Write(text.ToString());
            return ExitCodes.Success;
        });
        return command;
    }
}
