using System.Globalization;
using AiSprint.Placement.Reporting;
using AiSprint.Profiling.Components;
using ScottPlot;

namespace AiSprint.Deploy.Reporting;

/// <summary>The charts of report.html (ScottPlot 5). Each returns the plot; <see cref="DeploymentReportHtml"/> renders and inlines it.</summary>
internal static class ReportCharts
{
    public const string Compute = "compute", Queueing = "queueing", ColdStart = "cold start", Network = "network", Threshold = "threshold";

    /// <summary>One horizontal bar per constraint, stacked by what its time is spent on, with its threshold as a tick; milliseconds.</summary>
    public static Plot Constraints(IReadOnlyList<ConstraintTime> constraints)
    {
        var plot = new Plot();
        var position = (int i) => (double)(constraints.Count - 1 - i);
        var parts = new (string Name, Func<ConstraintTime, double> Value, Color Colour)[]
        {
            (Compute, c => c.Compute, Colors.C0), (Queueing, c => c.Queueing, Colors.C1), (ColdStart, c => c.ColdStart, Colors.C2), (Network, c => c.Network, Colors.C4),
        };
        var bases = new double[constraints.Count];
        foreach (var (name, value, colour) in parts)
        {
            if (constraints.All(c => value(c) <= 0)) continue;
            var bars = constraints.Select((c, i) =>
            {
                var bar = new Bar { Position = position(i), ValueBase = bases[i], Value = bases[i] + value(c) * 1000, FillColor = colour, LineWidth = 0 };
                bases[i] = bar.Value;
                return bar;
            }).ToList();
            var plotted = plot.Add.Bars(bars);
            plotted.Horizontal = true;
            plotted.LegendText = name;
        }
        var thresholds = plot.Add.Markers(constraints.Select(c => c.Threshold * 1000).ToArray(), constraints.Select((_, i) => position(i)).ToArray(), MarkerShape.VerticalBar, 22, Colors.Black);
        thresholds.LegendText = Threshold;
        plot.Axes.Left.SetTicks(constraints.Select((_, i) => position(i)).ToArray(), constraints.Select(c => $"{(c.IsGlobal ? "path" : "component")} {c.Name}").ToArray());
        plot.Axes.Margins(left: 0);
        plot.XLabel("predicted time (ms)");
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }

    /// <summary>One bar per resource in use, coloured by its layer as in the DAG, labelled with its cost.</summary>
    public static Plot Costs(IReadOnlyList<ResourceCost> costs, IReadOnlyList<string> layers)
    {
        var plot = new Plot();
        var bars = costs.Select((c, i) => new Bar
        {
            Position = i, Value = c.Cost, LineWidth = 0, Label = c.Cost.ToString("0.####", CultureInfo.InvariantCulture),
            FillColor = Color.FromHex(DagDrawing.LayerColours[Math.Max(0, layers.ToList().IndexOf(c.Layer)) % DagDrawing.LayerColours.Length]),
        }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(costs.Select((_, i) => (double)i).ToArray(), costs.Select(c => c.Resource).ToArray());
        plot.Axes.Margins(bottom: 0);
        plot.YLabel("cost over the horizon");
        return plot;
    }

    /// <summary>Predicted against measured mean time per profiled configuration, one series per component, over the diagonal where they agree.</summary>
    public static Plot Measured(IReadOnlyList<MeasuredVersusPredicted.Comparison> comparisons)
    {
        var plot = new Plot();
        var all = comparisons.SelectMany(c => c.Configurations).SelectMany(c => new[] { c.MeasuredMilliseconds, c.PredictedMilliseconds }).Where(double.IsFinite).ToList();
        var (min, max) = all.Count == 0 ? (0.0, 1.0) : (Math.Min(0, all.Min()), all.Max());
        var diagonal = plot.Add.Line(min, min, max, max);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.Color = Colors.Gray;
        diagonal.LegendText = "predicted = measured";
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < comparisons.Count; i++)
        {
            var comparison = comparisons[i];
            var markers = plot.Add.Markers(comparison.Configurations.Select(c => c.MeasuredMilliseconds).ToArray(), comparison.Configurations.Select(c => c.PredictedMilliseconds).ToArray(),
                MarkerShape.FilledCircle, 7, palette.GetColor(i));
            markers.LegendText = $"{comparison.Component} on {comparison.Resource} (MAPE {comparison.MapePercent.ToString("0.0", CultureInfo.InvariantCulture)} %)";
        }
        plot.XLabel("measured (ms)");
        plot.YLabel("predicted (ms)");
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    /// <summary>The demand of each partition on each resource with a per-layer model: grouped bars, one group per partition.</summary>
    public static Plot Partitions(IReadOnlyList<PartitionDemandSeries> series)
    {
        var plot = new Plot();
        var groups = series.SelectMany(s => s.PartitionMilliseconds.Select((_, k) => (s.Component, Partition: k + 1))).Distinct().ToList();
        var palette = new ScottPlot.Palettes.Category10();
        var width = 0.8 / Math.Max(1, series.Count);
        for (var i = 0; i < series.Count; i++)
        {
            var s = series[i];
            var bars = s.PartitionMilliseconds.Select((ms, k) => new Bar
            {
                Position = groups.IndexOf((s.Component, k + 1)) + (i - (series.Count - 1) / 2.0) * width, Size = width, Value = ms, FillColor = palette.GetColor(i), LineWidth = 0,
            }).ToList();
            plot.Add.Bars(bars).LegendText = $"{s.Component} on {s.Resource}";
        }
        plot.Axes.Bottom.SetTicks(groups.Select((_, g) => (double)g).ToArray(), groups.Select(g => $"{g.Component} partition {g.Partition}").ToArray());
        plot.Axes.Margins(bottom: 0);
        plot.YLabel("predicted demand (ms)");
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }
}

/// <summary>What a per-layer model predicts for each partition of a partitioned component on one resource.</summary>
/// <summary>A partitioned component's demands on one resource from its per-layer model, and that model's per-layer chart (SVG, or null).</summary>
internal sealed record PartitionDemandSeries(string Component, string Resource, string ModelPath, IReadOnlyList<double> PartitionMilliseconds, string? LayerChartSvg = null);
