using System.Diagnostics.Metrics;

namespace AiSprint.Telemetry.Drift;

/// <summary>Where a <see cref="DriftMonitor"/> writes, whom it tells, and which clock it runs on.</summary>
public sealed class DriftMonitorOptions
{
    /// <summary>The environment variable naming the webhook (<see cref="WebhookUri"/>) of the default monitor.</summary>
    public const string WebhookVariable = "AISPRINT_DRIFT_WEBHOOK";

    /// <summary>The environment variable naming the collection directory (<see cref="DataDirectory"/>) of the default monitor.</summary>
    public const string DataDirectoryVariable = "AISPRINT_DRIFT_DIRECTORY";

    /// <summary>Where collections are written, one folder per component and metric. Default <c>aisprint-drift</c> under the current directory.</summary>
    public string DataDirectory { get; set; } = Path.GetFullPath("aisprint-drift");

    /// <summary>A URL each drift and each completed collection is POSTed to as JSON; null notifies nobody.</summary>
    public Uri? WebhookUri { get; set; }

    /// <summary>The client the webhook is POSTed with; null makes one with a 10-second timeout.</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>The clock and timers; tests pass a fake one to run intervals without waiting.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The meter the drift instruments belong to; null uses <see cref="AiSprintInstruments.Meter"/>.</summary>
    public Meter? Meter { get; set; }

    /// <summary>The default monitor's options: the environment variables above, else the defaults.</summary>
    public static DriftMonitorOptions FromEnvironment()
    {
        var options = new DriftMonitorOptions();
        if (Environment.GetEnvironmentVariable(DataDirectoryVariable) is { Length: > 0 } directory)
        {
            options.DataDirectory = Path.GetFullPath(directory);
        }

        if (Environment.GetEnvironmentVariable(WebhookVariable) is { Length: > 0 } webhook
            && Uri.TryCreate(webhook, UriKind.Absolute, out var uri))
        {
            options.WebhookUri = uri;
        }

        return options;
    }
}
