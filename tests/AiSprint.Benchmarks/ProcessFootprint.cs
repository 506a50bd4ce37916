using System.Globalization;

namespace AiSprint.Benchmarks;

/// <summary>
/// A process's footprint read from /proc at one instant: CPU time per thread (by the name the runtime gives its threads:
/// ".NET TP Worker", ".NET Tiered Com", ".NET BGC", …) and the resident set split into anonymous memory (heaps, JIT'd
/// code) and file-backed pages (the mapped assemblies and native libraries). Two snapshots give where the CPU went.
/// </summary>
internal sealed record ProcessFootprint(double UserSeconds, double SystemSeconds, IReadOnlyDictionary<string, double> CpuSecondsByThread, int Threads, long RssKb, long RssAnonKb, long RssFileKb, long RssShmemKb, long HwmKb)
{
    // USER_HZ: the unit of utime/stime in /proc/*/stat (100 on every Linux the SDK runs on).
    private const double TicksPerSecond = 100;

    /// <summary>The process's CPU time, threads that already ended included (the per-thread times lose those).</summary>
    public double CpuSeconds => UserSeconds + SystemSeconds;

    public static ProcessFootprint Read(int pid)
    {
        var byThread = new Dictionary<string, double>(StringComparer.Ordinal);
        var threads = 0;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(task, "stat"));
            }
            catch (IOException)
            {
                continue; // the thread ended meanwhile
            }
            var (name, user, system) = Parse(stat);
            byThread[name] = byThread.GetValueOrDefault(name) + user + system;
            threads++;
        }
        var (_, processUser, processSystem) = Parse(File.ReadAllText($"/proc/{pid}/stat"));
        var status = File.ReadAllLines($"/proc/{pid}/status");
        long Kb(string field) => long.Parse(status.Single(l => l.StartsWith(field + ":", StringComparison.Ordinal))[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return new ProcessFootprint(processUser, processSystem, byThread, threads, Kb("VmRSS"), Kb("RssAnon"), Kb("RssFile"), Kb("RssShmem"), Kb("VmHWM"));
    }

    private static (string Name, double User, double System) Parse(string stat)
    {
        // pid (comm) state ppid …: comm may hold spaces and parentheses, so split after the last ')'.
        var open = stat.IndexOf('(', StringComparison.Ordinal);
        var close = stat.LastIndexOf(')');
        var fields = stat[(close + 2)..].Split(' ');
        // Fields 14 and 15 of stat (utime, stime) are 11 and 12 after state.
        return (stat[(open + 1)..close], long.Parse(fields[11], CultureInfo.InvariantCulture) / TicksPerSecond, long.Parse(fields[12], CultureInfo.InvariantCulture) / TicksPerSecond);
    }

    /// <summary>Resident kB per mapped file (or [anon], [heap], memfd:…) from /proc/PID/smaps, largest first.</summary>
    public static IEnumerable<(string Mapping, long Kb)> ResidentByMapping(int pid)
    {
        var byMapping = new Dictionary<string, long>(StringComparer.Ordinal);
        var current = "[anon]";
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 5 && parts[0].Contains('-', StringComparison.Ordinal) && !parts[0].EndsWith(':'))
            {
                current = parts.Length >= 6 ? Path.GetFileName(string.Join(' ', parts[5..])) : "[anon]";
                if (current.Length == 0) current = string.Join(' ', parts[5..]);
            }
            else if (parts.Length >= 2 && parts[0] == "Rss:")
            {
                byMapping[current] = byMapping.GetValueOrDefault(current) + long.Parse(parts[1], CultureInfo.InvariantCulture);
            }
        }
        return byMapping.Where(p => p.Value > 0).OrderByDescending(p => p.Value).Select(p => (p.Key, p.Value));
    }

    /// <summary>CPU seconds per thread name between <paramref name="before"/> and this snapshot, largest first.</summary>
    public IEnumerable<(string Thread, double Seconds)> CpuSince(ProcessFootprint before) =>
        CpuSecondsByThread.Select(p => (p.Key, p.Value - before.CpuSecondsByThread.GetValueOrDefault(p.Key)))
            .Where(p => p.Item2 > 0).OrderByDescending(p => p.Item2);
}
