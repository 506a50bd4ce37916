using System.Globalization;

namespace AiSprint.Placement.Tests.Queueing;

/// <summary>
/// Reads the package-produced files next to faas-model.md in place (never copied into the
/// repository). Every number is printed with %.17g, so double.Parse gives the package's exact doubles (§9).
/// </summary>
internal static class FaasSpecFiles
{
    public static string SpecsDirectory => Path.Combine(SharedData.Root, "..", "specs");

    /// <summary>Rows of a CSV file without quoting, as dictionaries keyed by the header.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadCsv(string fileName)
    {
        var lines = File.ReadAllLines(Path.Combine(SpecsDirectory, fileName));
        var header = lines[0].Split(',');
        var rows = new List<IReadOnlyDictionary<string, string>>(lines.Length - 1);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split(',');
            Assert.Equal(header.Length, cells.Length);
            rows.Add(header.Zip(cells).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
        }
        return rows;
    }

    public static double Number(this IReadOnlyDictionary<string, string> row, string column) =>
        double.Parse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>
    /// The relative difference the vector tests hold to 1e-9: 0 when both are NaN or both equal
    /// (exact zeros included), +∞ when exactly one is NaN or an expected exact zero is not zero.
    /// </summary>
    public static double RelativeError(double expected, double actual)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual))
        {
            return double.IsNaN(expected) && double.IsNaN(actual) ? 0 : double.PositiveInfinity;
        }
        if (expected == actual)
        {
            return 0;
        }
        return expected == 0 ? double.PositiveInfinity : Math.Abs(actual - expected) / Math.Abs(expected);
    }
}
