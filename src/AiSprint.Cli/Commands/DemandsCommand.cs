using System.CommandLine;
using AiSprint.Model;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats;
using AiSprint.Model.Formats.Aml;
using AiSprint.Model.Formats.Design;
using AiSprint.Model.Units;
using AiSprint.Regression;
using AiSprint.Regression.Models;

namespace AiSprint.Cli.Commands;

/// <summary>
/// <c>aisprint demands</c>: a component's demands on the candidate resources, predicted by a performance model
/// from one feature row per resource — the step between <c>aisprint regress</c> and placement.
/// </summary>
internal static class DemandsCommand
{
    public const string ResourceColumn = "resource";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var model = new Option<string>("--model", "-m") { Description = "A model written by aisprint regress (e.g. best.model.json).", Required = true };
        var input = new Option<string>("--input", "-i") { Description = "A CSV with a 'resource' column and the model's input columns: one row per candidate resource (and, optionally, cold_ms for FaaS).", Required = true };
        var component = new Option<string>("--component") { Description = "The component the model predicts.", Required = true };
        var unit = new Option<string>("--unit") { Description = "The unit of the model's target column: ms or s.", Required = true };
        unit.AcceptOnlyFromAmong("ms", "s");
        var outputPath = new Option<string>("--output", "-o") { Description = "The demands CSV to write (component,resource,demand_ms,cold_ms).", Required = true };
        var command = new Command("demands",
            "Predict a component's demand on every candidate resource with a trained performance model and write a demands CSV.\n" +
            "Exit code 0, 1 on a bad model or feature file.")
        {
            model, input, component, unit, outputPath,
        };
        command.SetAction(parse =>
        {
            var inputPath = parse.GetValue(input)!;
            var loaded = AmlDatasetReader.Load(inputPath);
            DiagnosticPrinter.Print(loaded.Diagnostics, error);
            if (!loaded.Succeeded) return ExitCodes.InvalidInput;
            var rows = loaded.Value!;
            if (rows[ResourceColumn] is not CategoricalColumn resources || resources.Values.Any(v => v is null))
            {
                error.WriteLine($"{inputPath}:1:1: error {DiagnosticCatalog.MissingKey.Code}: expected a '{ResourceColumn}' column naming a candidate resource on every row");
                return ExitCodes.InvalidInput;
            }
            double[] predictions;
            try
            {
                predictions = RegressionModel.Load(parse.GetValue(model)!).Predict(rows);
            }
            catch (Exception ex) when (ex is RegressionException or InvalidInputException or IOException or FormatException or System.Text.Json.JsonException)
            {
                error.WriteLine($"{inputPath}: error {DiagnosticCatalog.TrainingFailed.Code}: cannot predict the demands of {parse.GetValue(component)}: {ex.Message}");
                return ExitCodes.InvalidInput;
            }
            var scale = parse.GetValue(unit) == "s" ? 1.0 : 0.001;
            // The reader keeps each row's line, so blank lines do not shift the locations.
            int LineOf(int row) => row < rows.RowLines.Count ? rows.RowLines[row] : row + 2;
            var name = parse.GetValue(component)!;
            // A cold_ms column that is not all numbers would be read as categories and silently dropped.
            if (rows["cold_ms"] is CategoricalColumn { Values: var texts } && texts.Select((t, i) => (t, i)).FirstOrDefault(x => x.t is not null) is { t: not null } bad)
            {
                error.WriteLine($"{inputPath}:{LineOf(bad.i)}:1: error {DiagnosticCatalog.InvalidValue.Code}: cold_ms '{bad.t}' of {resources.Values[bad.i]} is not a number; expected the cold-start time in ms, or nothing");
                return ExitCodes.InvalidInput;
            }
            var cold = rows["cold_ms"] as NumericColumn;
            var entries = new List<DemandEntry>();
            for (var i = 0; i < predictions.Length; i++)
            {
                var location = new SourceLocation(inputPath, LineOf(i), 1);
                if (!(predictions[i] > 0) || !double.IsFinite(predictions[i]))
                {
                    error.WriteLine($"{location}: error {DiagnosticCatalog.TrainingFailed.Code}: the model predicts {predictions[i]} for {name} on {resources.Values[i]}; expected a positive time (the model extrapolates badly here: profile closer to this configuration)");
                    return ExitCodes.InvalidInput;
                }
                if (resources.Values.Take(i).Contains(resources.Values[i], StringComparer.Ordinal))
                {
                    error.WriteLine($"{location}: error {DiagnosticCatalog.DuplicateName.Code}: {resources.Values[i]} has two rows; expected one row per candidate resource");
                    return ExitCodes.InvalidInput;
                }
                if (cold is not null && !double.IsNaN(cold.Values[i]) && !(cold.Values[i] > 0 && double.IsFinite(cold.Values[i])))
                {
                    error.WriteLine($"{location}: error {DiagnosticCatalog.InvalidValue.Code}: cold_ms {cold.Values[i]} of {resources.Values[i]} is not a positive number of milliseconds");
                    return ExitCodes.InvalidInput;
                }
                var coldStart = cold is not null && !double.IsNaN(cold.Values[i]) ? new Seconds(cold.Values[i] / 1000) : (Seconds?)null;
                entries.Add(new DemandEntry(name, resources.Values[i]!, new Seconds(predictions[i] * scale), coldStart, location));
            }
            AtomicFile.WriteAllText(parse.GetValue(outputPath)!, DemandTableCsv.Write(new DemandTable(entries.ToValueList())));
            foreach (var e in entries) output.WriteLine($"{name} on {e.Resource}: {e.Demand.Value * 1000:0.###} ms");
            return ExitCodes.Success;
        });
        return command;
    }
}
