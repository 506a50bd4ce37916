using System.Diagnostics;

namespace AiSprint.Deploy.Tests.Browser;

/// <summary>
/// Debian's headless Chromium, installed by the test run when missing (as the integration tests install Prometheus):
/// root runs apt-get, anyone else <c>sudo -n</c>. Done once per run, bounded in time; when it cannot be had, the tests
/// that need it are skipped with the reason, never passed.
/// </summary>
internal static class Chromium
{
    private static readonly TimeSpan InstallLimit = TimeSpan.FromMinutes(10), RunLimit = TimeSpan.FromSeconds(90);
    private static readonly Lazy<(string? Executable, string? Problem)> Installation = new(Install);

    public static string? Executable => Installation.Value.Executable;

    /// <summary>Why there is no browser: what was tried and what it said.</summary>
    public static string? Problem => Installation.Value.Problem;

    /// <summary>What a run of the browser gave: its exit code, standard output (the DOM with --dump-dom), its log, and
    /// every http(s) URL the page asked for (from Chromium's network log).</summary>
    public sealed record Outcome(int ExitCode, string Output, string Log, IReadOnlyList<string> RequestedUrls);

    /// <summary>
    /// Opens <paramref name="page"/> headless with its own profile and every host name unresolvable, recording the network
    /// log; <paramref name="mode"/> adds --dump-dom or --screenshot and its window size.
    /// </summary>
    public static Outcome Run(string page, params string[] mode)
    {
        var profile = Directory.CreateTempSubdirectory("aisprint-chromium-").FullName;
        try
        {
            var netLog = Path.Combine(profile, "netlog.json");
            string[] arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND", $"--user-data-dir={profile}", $"--log-net-log={netLog}", "--enable-logging=stderr", "--v=0",
                .. mode, new Uri(page).AbsoluteUri,
            ];
            var (code, output, log) = Execute(Executable ?? throw new InvalidOperationException(Problem), arguments, RunLimit);
            var urls = File.Exists(netLog)
                ? System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(netLog), "\"url\":\"(https?://[^\"]+)\"").Select(m => m.Groups[1].Value)
                    .Where(url => !IsBrowsersOwn(new Uri(url).Host)).Distinct().ToList()
                : throw new InvalidOperationException($"chromium wrote no network log:\n{log}");
            return new Outcome(code, output, log, urls);
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>
    /// Chromium's own services (time, updates, accounts) ask Google even with background networking off; those requests
    /// are the browser's, not the page's, and fail like any other here.
    /// </summary>
    private static bool IsBrowsersOwn(string host) =>
        host.EndsWith(".google.com", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".googleapis.com", StringComparison.OrdinalIgnoreCase);

    private static (string?, string?) Install()
    {
        if (Find("chromium") is { } existing) return (existing, null);
        if (!OperatingSystem.IsLinux() || Find("apt-get") is null) return (null, "chromium is not installed and this machine has no apt-get to install the Debian package 'chromium'.");
        var root = Environment.UserName == "root";
        if (!root && Find("sudo") is null) return (null, "chromium is not installed; installing the Debian package 'chromium' needs root, and this run is neither root nor has sudo.");
        var sudo = root ? "" : "sudo -n ";
        // apt waits for a lock another test run may hold instead of failing at once.
        var (code, output, error) = Execute("/bin/sh",
            ["-c", $"{sudo}apt-get -o DPkg::Lock::Timeout=300 update && DEBIAN_FRONTEND=noninteractive {sudo}apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends chromium"],
            InstallLimit);
        if (Find("chromium") is { } installed) return (installed, null);
        var said = output + error;
        return (null, $"chromium is not installed and 'apt-get install -y chromium' failed (exit {code}): {(said.Length <= 2_000 ? said : said[^2_000..])}");
    }

    private static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin").Select(directory => Path.Combine(directory, name)).FirstOrDefault(File.Exists);

    /// <summary>Runs a process to its end or kills it (and its children) at the limit.</summary>
    private static (int ExitCode, string Output, string Error) Execute(string file, IEnumerable<string> arguments, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, output.Result, $"{file} did not finish within {limit.TotalSeconds:0} s and was stopped\n{error.Result}");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}

/// <summary>A fact that needs headless Chromium: it installs the package at discovery if needed and is skipped, with the reason, only when that is impossible.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Executable is null) Skip = Chromium.Problem;
    }
}
