using System.Diagnostics;

namespace AiSprint.Tests;

/// <summary>Prometheus's promtool, installed from Debian's <c>prometheus</c> package by the test run when missing.</summary>
public static class PromTool
{
    private static readonly Lazy<string> Path = new(Locate);

    /// <summary>Runs <c>promtool check rules FILE</c>: exit code and output.</summary>
    public static (int ExitCode, string Output) CheckRules(string file)
    {
        var (code, output) = Run(Path.Value, "check", "rules", file);
        return (code, output);
    }

    private static string Locate()
    {
        if (Find() is { } found) return found;
        // apt waits for a lock another test run may hold instead of failing at once.
        var update = Run("apt-get", "-o", "DPkg::Lock::Timeout=300", "update");
        var install = Run("apt-get", "-o", "DPkg::Lock::Timeout=300", "install", "-y", "--no-install-recommends", "prometheus");
        return Find() ?? throw new InvalidOperationException(
            $"promtool is not installed and 'apt-get install prometheus' failed (it needs root and the Debian mirror):\n{update.Output}\n{install.Output}");
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator)
            .Select(d => System.IO.Path.Combine(d, "promtool"))
            .FirstOrDefault(File.Exists);

    private static (int ExitCode, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
