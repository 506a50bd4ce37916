using AiSprint.Profiling.Layers.Modelling;
using AiSprint.Model.Formats.Svg;
using ScottPlot;

namespace AiSprint.Profiling.Layers.Reporting;

/// <summary>Predicted against measured time per executed layer (ScottPlot 5, SVG): one bar pair per node that carries time.</summary>
public static class PredictionChart
{
    /// <summary>The chart as an SVG fragment to embed in HTML; <paramref name="measuredMs"/> (by node index, ms) adds the measured bars, none when null.</summary>
    public static string RenderSvg(NetworkPrediction prediction, IReadOnlyDictionary<int, double>? measuredMs)
    {
        var nodes = prediction.Nodes.Where(n => n.FusedInto is null && (n.PredictedMs > 0 || (measuredMs?.GetValueOrDefault(n.NodeIndex) ?? 0) > 0)).ToList();
        var plot = new Plot();
        var predictedBars = nodes.Select((n, i) => new Bar { Position = i * 3, Value = n.PredictedMs, FillColor = Colors.SteelBlue }).ToList();
        plot.Add.Bars(predictedBars).LegendText = "predicted";
        if (measuredMs is not null)
        {
            var measuredBars = nodes.Select((n, i) => new Bar { Position = i * 3 + 1, Value = measuredMs.GetValueOrDefault(n.NodeIndex), FillColor = Colors.Orange }).ToList();
            plot.Add.Bars(measuredBars).LegendText = "measured";
        }
        plot.Axes.Bottom.SetTicks(nodes.Select((_, i) => i * 3 + 0.5).ToArray(), nodes.Select(n => n.Name).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 60;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Margins(bottom: 0);
        plot.Title($"{prediction.ModelName}: per-layer time, {prediction.Threads} thread(s), optimisation {prediction.OptimizationLevel}");
        plot.YLabel("ms");
        plot.ShowLegend();
        return SvgFragment.Normalise(plot.GetSvgXml(Math.Max(800, nodes.Count * 24), 520), "prediction");
    }
}
