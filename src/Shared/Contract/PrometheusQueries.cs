namespace AiSprint.Contract;

/// <summary>
/// The PromQL over <see cref="TelemetryNames"/> that the deploy's alerting rules (monitoring/rules.yml) and the
/// supervisor's monitor both evaluate, written once so an alert and a re-plan judge the same mean. SPACE4AI-D constrains
/// the MEAN response time, so both divide the rate of a histogram's <c>_sum</c> by the rate of its <c>_count</c>.
/// </summary>
internal static class PrometheusQueries
{
    /// <summary>A value as a PromQL double-quoted string literal's content (backslashes and quotes escaped).</summary>
    public static string EscapeLabel(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"");

    /// <summary><c>{label="value"}</c>.</summary>
    public static string Selector(string label, string value) => "{" + label + "=\"" + EscapeLabel(value) + "\"}";

    /// <summary>The mean of a histogram's observations over <paramref name="window"/> (a PromQL duration such as <c>5m</c>).</summary>
    public static string MeanOverWindow(string histogram, string selector, string window) =>
        $"sum(rate({histogram}_sum{selector}[{window}])) / sum(rate({histogram}_count{selector}[{window}]))";

    /// <summary>The per-second rate of <paramref name="series"/> over <paramref name="window"/>, summed by <paramref name="labels"/>.</summary>
    public static string RateBy(string series, string labels, string window) => $"sum by ({labels}) (rate({series}[{window}]))";
}
