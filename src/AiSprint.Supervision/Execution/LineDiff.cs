namespace AiSprint.Supervision.Execution;

/// <summary>
/// A line diff of two descriptors (longest common subsequence; descriptors are a few hundred lines): removed lines
/// start with "-", added ones with "+", unchanged ones are left out but for a line of context each side.
/// </summary>
internal static class LineDiff
{
    public static IReadOnlyList<string> Lines(string before, string after)
    {
        var a = before.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var b = after.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }
        var script = new List<(char Op, string Line)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { script.Add((' ', a[x])); x++; y++; }
            else if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1])) { script.Add(('-', a[x])); x++; }
            else { script.Add(('+', b[y])); y++; }
        }
        var shown = new List<string>();
        for (var k = 0; k < script.Count; k++)
        {
            var near = script[k].Op != ' ' || (k > 0 && script[k - 1].Op != ' ') || (k + 1 < script.Count && script[k + 1].Op != ' ');
            if (near) shown.Add(script[k].Op + " " + script[k].Line);
            else if (shown.Count > 0 && shown[^1] != "  ...") shown.Add("  ...");
        }
        return shown;
    }
}
