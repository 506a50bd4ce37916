using System.Globalization;

namespace AiSprint.Model.Units;

// Every physical quantity of the design model has its own type, so that seconds never meet
// milliseconds and megabytes never meet megabits by accident. Conversions happen once, in the
// readers and writers of each file format; the engines only ever see these types.

/// <summary>A duration in seconds (response times, demands, access delays, idle times).</summary>
public readonly record struct Seconds(double Value) : IComparable<Seconds>
{
    public static Seconds Zero => new(0);
    public static Seconds Infinity => new(double.PositiveInfinity);
    public static Seconds FromMilliseconds(double milliseconds) => new(milliseconds / 1000.0);
    public double Milliseconds => Value * 1000.0;
    public bool IsFinite => double.IsFinite(Value);
    public int CompareTo(Seconds other) => Value.CompareTo(other.Value);
    public static Seconds operator +(Seconds a, Seconds b) => new(a.Value + b.Value);
    public static Seconds operator -(Seconds a, Seconds b) => new(a.Value - b.Value);
    public static Seconds operator *(double k, Seconds s) => new(k * s.Value);
    public static bool operator <(Seconds a, Seconds b) => a.Value < b.Value;
    public static bool operator >(Seconds a, Seconds b) => a.Value > b.Value;
    public static bool operator <=(Seconds a, Seconds b) => a.Value <= b.Value;
    public static bool operator >=(Seconds a, Seconds b) => a.Value >= b.Value;
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture) + " s";
}

/// <summary>An amount of memory or data in megabytes (2^20 bytes, as every source tool uses).</summary>
public readonly record struct Megabytes(double Value) : IComparable<Megabytes>
{
    public static Megabytes Zero => new(0);
    internal static Megabytes FromGigabytes(double gigabytes) => new(gigabytes * 1024.0);
    internal double Gigabytes => Value / 1024.0;
    public int CompareTo(Megabytes other) => Value.CompareTo(other.Value);
    public static Megabytes operator +(Megabytes a, Megabytes b) => new(a.Value + b.Value);
    public static bool operator <(Megabytes a, Megabytes b) => a.Value < b.Value;
    public static bool operator >(Megabytes a, Megabytes b) => a.Value > b.Value;
    public static bool operator <=(Megabytes a, Megabytes b) => a.Value <= b.Value;
    public static bool operator >=(Megabytes a, Megabytes b) => a.Value >= b.Value;
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture) + " MB";
}

/// <summary>
/// A network bandwidth, stored in megabytes per second so that delay = size / bandwidth needs no
/// factor. SPACE4AI-D JSON files are read in MB/s (the convention under which the authors'
/// recorded solutions reproduce, placement-model.md §4); AI-SPRINT YAML states Mbps and is
/// converted with <see cref="FromMegabitsPerSecond"/>.
/// </summary>
public readonly record struct Bandwidth(double MegabytesPerSecond)
{
    internal static Bandwidth FromMegabitsPerSecond(double megabits) => new(megabits / 8.0);
    internal double MegabitsPerSecond => MegabytesPerSecond * 8.0;
    /// <summary>Time to push <paramref name="size"/> through this link.</summary>
    public Seconds TransferTime(Megabytes size) => new(size.Value / MegabytesPerSecond);
    public override string ToString() => MegabytesPerSecond.ToString("R", CultureInfo.InvariantCulture) + " MB/s";
}

/// <summary>An arrival or throughput rate in requests per second.</summary>
public readonly record struct RequestsPerSecond(double Value)
{
    public static RequestsPerSecond operator *(double k, RequestsPerSecond r) => new(k * r.Value);
    public static RequestsPerSecond operator +(RequestsPerSecond a, RequestsPerSecond b) => new(a.Value + b.Value);
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture) + " req/s";
}

/// <summary>The billing horizon of a design, in hours (costs of edge devices and VMs are hourly).</summary>
public readonly record struct Hours(double Value)
{
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture) + " h";
}

/// <summary>
/// A monetary amount in the (unstated) currency of the input files. The same type carries hourly
/// prices; the property names say which (e.g. <c>CostPerHour</c>).
/// </summary>
public readonly record struct Money(double Value)
{
    public static Money Zero => new(0);
    public static Money operator +(Money a, Money b) => new(a.Value + b.Value);
    public static Money operator *(double k, Money m) => new(k * m.Value);
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>A probability in [0, 1].</summary>
public readonly record struct Probability(double Value)
{
    public static Probability Zero => new(0);
    public static Probability One => new(1);
    public bool IsValid => Value is >= 0 and <= 1;
    internal Probability Complement => new(1 - Value);
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}
