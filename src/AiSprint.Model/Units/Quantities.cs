using System.Globalization;

namespace AiSprint.Model.Units;

// Every physical quantity of the design model has its own type, so that seconds never meet
// milliseconds and megabytes never meet megabits by accident. Conversions happen once, in the
// readers and writers of each file format; the engines only ever see these types.

/// <summary>A duration in seconds (response times, demands, access delays, idle times).</summary>
/// <param name="Value">The duration in seconds; may be <see cref="double.PositiveInfinity"/>.</param>
public readonly record struct Seconds(double Value) : IComparable<Seconds>
{
    /// <summary>No time.</summary>
    public static Seconds Zero => new(0);
    /// <summary>An unbounded time: an unconstrained threshold, or a saturated queue's response time.</summary>
    public static Seconds Infinity => new(double.PositiveInfinity);
    /// <summary>The duration of <paramref name="milliseconds"/> ms.</summary>
    public static Seconds FromMilliseconds(double milliseconds) => new(milliseconds / 1000.0);
    /// <summary>The duration in milliseconds.</summary>
    public double Milliseconds => Value * 1000.0;
    /// <summary>False for <see cref="Infinity"/> and NaN.</summary>
    public bool IsFinite => double.IsFinite(Value);
    /// <inheritdoc/>
    public int CompareTo(Seconds other) => Value.CompareTo(other.Value);
    /// <summary>The sum of two durations.</summary>
    public static Seconds operator +(Seconds a, Seconds b) => new(a.Value + b.Value);
    /// <summary>The difference of two durations (may be negative).</summary>
    public static Seconds operator -(Seconds a, Seconds b) => new(a.Value - b.Value);
    /// <summary>The duration scaled by <paramref name="k"/>.</summary>
    public static Seconds operator *(double k, Seconds s) => new(k * s.Value);
    /// <summary>Compares the values in seconds.</summary>
    public static bool operator <(Seconds a, Seconds b) => a.Value < b.Value;
    /// <summary>Compares the values in seconds.</summary>
    public static bool operator >(Seconds a, Seconds b) => a.Value > b.Value;
    /// <summary>Compares the values in seconds.</summary>
    public static bool operator <=(Seconds a, Seconds b) => a.Value <= b.Value;
    /// <summary>Compares the values in seconds.</summary>
    public static bool operator >=(Seconds a, Seconds b) => a.Value >= b.Value;
    /// <summary>The value with its unit (<c>0.25 s</c>), invariant culture.</summary>
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture) + " s";
}

/// <summary>An amount of memory or data in megabytes (2^20 bytes, as every source tool uses).</summary>
/// <param name="Value">The size in MB (2^20 bytes), at least 0.</param>
public readonly record struct Megabytes(double Value) : IComparable<Megabytes>
{
    /// <summary>No memory.</summary>
    public static Megabytes Zero => new(0);
    internal static Megabytes FromGigabytes(double gigabytes) => new(gigabytes * 1024.0);
    internal double Gigabytes => Value / 1024.0;
    /// <inheritdoc/>
    public int CompareTo(Megabytes other) => Value.CompareTo(other.Value);
    /// <summary>The sum of two sizes.</summary>
    public static Megabytes operator +(Megabytes a, Megabytes b) => new(a.Value + b.Value);
    /// <summary>Compares the values in megabytes.</summary>
    public static bool operator <(Megabytes a, Megabytes b) => a.Value < b.Value;
    /// <summary>Compares the values in megabytes.</summary>
    public static bool operator >(Megabytes a, Megabytes b) => a.Value > b.Value;
    /// <summary>Compares the values in megabytes.</summary>
    public static bool operator <=(Megabytes a, Megabytes b) => a.Value <= b.Value;
    /// <summary>Compares the values in megabytes.</summary>
    public static bool operator >=(Megabytes a, Megabytes b) => a.Value >= b.Value;
    /// <summary>The value with its unit (<c>512 MB</c>), invariant culture.</summary>
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture) + " MB";
}

/// <summary>
/// A network bandwidth, stored in megabytes per second so that delay = size / bandwidth needs no
/// factor. SPACE4AI-D JSON files are read in MB/s (the convention under which the authors'
/// recorded solutions reproduce, placement-model.md §4); AI-SPRINT YAML states Mbps and is
/// converted with <see cref="FromMegabitsPerSecond"/>.
/// </summary>
/// <param name="MegabytesPerSecond">The rate in MB per second.</param>
public readonly record struct Bandwidth(double MegabytesPerSecond)
{
    internal static Bandwidth FromMegabitsPerSecond(double megabits) => new(megabits / 8.0);
    internal double MegabitsPerSecond => MegabytesPerSecond * 8.0;
    /// <summary>Time to push <paramref name="size"/> through this link.</summary>
    public Seconds TransferTime(Megabytes size) => new(size.Value / MegabytesPerSecond);
    /// <summary>The value with its unit (<c>12.5 MB/s</c>), invariant culture.</summary>
    public override string ToString() => MegabytesPerSecond.ToString("R", CultureInfo.InvariantCulture) + " MB/s";
}

/// <summary>An arrival or throughput rate in requests per second.</summary>
/// <param name="Value">The rate in requests per second, at least 0.</param>
public readonly record struct RequestsPerSecond(double Value)
{
    /// <summary>The rate scaled by <paramref name="k"/> (e.g. by a reach probability).</summary>
    public static RequestsPerSecond operator *(double k, RequestsPerSecond r) => new(k * r.Value);
    /// <summary>The sum of two rates.</summary>
    public static RequestsPerSecond operator +(RequestsPerSecond a, RequestsPerSecond b) => new(a.Value + b.Value);
    /// <summary>The value with its unit (<c>2 req/s</c>), invariant culture.</summary>
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture) + " req/s";
}

/// <summary>The billing horizon of a design, in hours (costs of edge devices and VMs are hourly).</summary>
/// <param name="Value">The horizon in hours.</param>
public readonly record struct Hours(double Value)
{
    /// <summary>The value with its unit (<c>1 h</c>), invariant culture.</summary>
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture) + " h";
}

/// <summary>
/// A monetary amount in the (unstated) currency of the input files. The same type carries hourly
/// prices; the property names say which (e.g. <c>CostPerHour</c>).
/// </summary>
/// <param name="Value">The amount in the files' currency (the files state none).</param>
public readonly record struct Money(double Value)
{
    /// <summary>No cost.</summary>
    public static Money Zero => new(0);
    /// <summary>The sum of two amounts.</summary>
    public static Money operator +(Money a, Money b) => new(a.Value + b.Value);
    /// <summary>The amount scaled by <paramref name="k"/>.</summary>
    public static Money operator *(double k, Money m) => new(k * m.Value);
    /// <summary>The amount, without a currency (the files state none), invariant culture.</summary>
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>A probability in [0, 1].</summary>
/// <param name="Value">The probability, valid in [0, 1] (see <see cref="IsValid"/>).</param>
public readonly record struct Probability(double Value)
{
    /// <summary>The impossible event.</summary>
    public static Probability Zero => new(0);
    /// <summary>The certain event.</summary>
    public static Probability One => new(1);
    /// <summary>True when the value is in [0, 1].</summary>
    public bool IsValid => Value is >= 0 and <= 1;
    internal Probability Complement => new(1 - Value);
    /// <summary>The value, invariant culture.</summary>
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}
