using System.CommandLine;
using System.Globalization;
using System.Text;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.Aml;
using AiSprint.Regression;
using AiSprint.Regression.Models;

namespace AiSprint.Cli.Commands;

/// <summary>
/// <c>aisprint regress</c> (an aMLLibrary campaign: one model file per technique, the best one, a
/// results summary) and <c>aisprint predict</c> (a saved model on new rows).
/// </summary>
internal static class RegressionCommands
{
    public static Command Regress(TextWriter output, TextWriter error)
    {
        var configuration = new Option<string>("--config", "-c") { Description = "An aMLLibrary experiment configuration: .ini (read unchanged), or the same sections and options as .yaml/.yml or .json.", Required = true };
        var outputDirectory = new Option<string>("--output", "-o") { Description = "A new or empty directory for the models and results.txt (an existing non-empty one is refused, as aMLLibrary does).", Required = true };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: every core). Results do not depend on it." };
        var command = new Command("regress",
            "Train execution-time models from profiling data as aMLLibrary does: data preparation, nested splits, grid search, selection.\n" +
            "Writes <technique>.model.json for every technique, best.model.json, results.txt and report.html (MAPE chart, predicted vs measured).\n" +
            "Exit code 0 on success, 1 on a bad input.")
        {
            configuration, outputDirectory, threads,
        };
        command.SetAction(parse =>
        {
            var directory = parse.GetValue(outputDirectory)!;
            if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
            {
                error.WriteLine($"{directory}: the output directory exists and is not empty; choose a new one");
                return ExitCodes.InvalidInput;
            }
            var loaded = AiSprint.Regression.Configuration.CampaignConfiguration.Load(parse.GetValue(configuration)!);
            DiagnosticPrinter.Print(loaded.Diagnostics, error);
            if (!loaded.Succeeded) return ExitCodes.InvalidInput;
            CampaignResult result;
            try
            {
                // A progress bar on an interactive terminal only (ProgressDisplay); the library just reports fractions.
                result = ProgressDisplay.Run(error, "training", progress => RegressionCampaign.Run(loaded.Value!, new RegressionOptions(parse.GetValue(threads), progress)));
            }
            catch (RegressionException ex)
            {
                error.WriteLine($"error: {ex.Message}");
                return ExitCodes.InvalidInput;
            }
            Directory.CreateDirectory(directory);
            foreach (var technique in result.Final) technique.Model.Save(Path.Combine(directory, $"{technique.Technique}.model.json"));
            result.Best.Model.Save(Path.Combine(directory, "best.model.json"));
            var summary = Summary(result);
            AtomicFile.WriteAllText(Path.Combine(directory, "results.txt"), summary);
            var dataset = AmlDatasetReader.Load(loaded.Value!.InputPath!).GetValueOrThrow();
            AtomicFile.WriteAllText(Path.Combine(directory, "report.html"), AiSprint.Regression.Reporting.CampaignReport.ToHtml(result, loaded.Value, dataset));
            output.Write(summary);
            output.WriteLine($"wrote {directory}");
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Predict(TextWriter output, TextWriter error)
    {
        var model = new Option<string>("--model", "-m") { Description = "A model file written by aisprint regress.", Required = true };
        var input = new Option<string>("--input", "-i") { Description = "A CSV with the model's input columns.", Required = true };
        var outputPath = new Option<string>("--output", "-o") { Description = "The CSV to write: one prediction per input row.", Required = true };
        var command = new Command("predict", "Predict with a saved regression model, applying its whole preparation pipeline; no retraining.")
        {
            model, input, outputPath,
        };
        command.SetAction(parse =>
        {
            try
            {
                var regression = RegressionModel.Load(parse.GetValue(model)!);
                var predictions = regression.PredictCsv(parse.GetValue(input)!);
                var csv = new StringBuilder("prediction\n");
                foreach (var value in predictions) csv.Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
                AtomicFile.WriteAllText(parse.GetValue(outputPath)!, csv.ToString());
                output.WriteLine($"wrote {predictions.Length} predictions to {parse.GetValue(outputPath)}");
                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is RegressionException or IOException or Model.Diagnostics.InvalidInputException or System.Text.Json.JsonException)
            {
                error.WriteLine($"error: {ex.Message}");
                return ExitCodes.InvalidInput;
            }
        });
        return command;
    }

    /// <summary>The equivalent of aMLLibrary's results.txt: per run and technique the chosen hyper-parameters and MAPEs, then the final models.</summary>
    private static string Summary(CampaignResult result)
    {
        var text = new StringBuilder();
        foreach (var run in result.Runs)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Run {run.Run}");
            foreach (var technique in run.Techniques)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  {technique.Technique,-14} {technique.Chosen}  training MAPE {technique.Training.Mape:0.000000}  hp_selection MAPE {technique.HpSelection.Mape:0.000000}  validation MAPE {technique.Validation.Mape:0.000000}");
            }
            if (run.Best is { } best) text.AppendLine(CultureInfo.InvariantCulture, $"  best (by hp_selection MAPE): {best.Technique}");
        }
        text.AppendLine("Final models (retrained on every row):");
        foreach (var final in result.Final)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {final.Technique,-14} {final.Hyperparameters}  selected validation MAPE {final.SelectedValidationMape:0.000000}  full-data MAPE {final.FullData.Mape:0.000000}");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"Best model: {result.Best.Technique}");
        foreach (var failed in result.FailedExperiments) text.AppendLine($"Failed: {failed}");
        return text.ToString();
    }
}
