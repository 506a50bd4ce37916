using System.Diagnostics;

namespace AiSprint.Integration.Tests.Prometheus;

/// <summary>
/// Finds the <c>prometheus</c> binary, installing the Debian package when it is missing (the test
/// run is root on the project's machines; <c>sudo -n</c> is tried otherwise). Done once per run.
/// </summary>
internal static class PrometheusInstallation
{
    private static readonly Lazy<(string? Executable, string? Problem)> Result = new(Install);

    /// <summary>The binary's path, or null when it could not be had.</summary>
    public static string? Executable => Result.Value.Executable;

    /// <summary>Why there is no binary: what was tried and what it said.</summary>
    public static string? Problem => Result.Value.Problem;

    private static (string?, string?) Install()
    {
        if (Find() is { } existing)
        {
            return (existing, null);
        }

        if (!OperatingSystem.IsLinux() || Find("apt-get") is null)
        {
            return (null, "prometheus is not installed and this machine has no apt-get to install the Debian package 'prometheus'.");
        }

        var root = Environment.UserName == "root";
        if (!root && Find("sudo") is null)
        {
            return (null, "prometheus is not installed; installing the Debian package 'prometheus' needs root, and this run is neither root nor has sudo.");
        }

        var prefix = root ? string.Empty : "sudo -n ";
        var (code, output) = Run("/bin/sh", $"-c \"{prefix}apt-get update && DEBIAN_FRONTEND=noninteractive {prefix}apt-get install -y prometheus\"");
        if (Find() is { } installed)
        {
            return (installed, null);
        }

        return (null, $"prometheus is not installed and 'apt-get install -y prometheus' failed (exit {code}): {Tail(output)}");
    }

    private static string? Find(string name = "prometheus") =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Append("/usr/sbin")
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);

    private static (int Code, string Output) Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }

    private static string Tail(string text) => text.Length <= 2_000 ? text : text[^2_000..];
}

/// <summary>
/// A fact that needs a Prometheus server: it installs the package at discovery if needed and is
/// skipped, with the reason, only when that is impossible (no apt-get, no root, the install failed).
/// </summary>
public sealed class PrometheusFactAttribute : FactAttribute
{
    public PrometheusFactAttribute()
    {
        if (PrometheusInstallation.Executable is null)
        {
            Skip = PrometheusInstallation.Problem;
        }
    }
}
