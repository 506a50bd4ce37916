using System.Text;
using AiSprint.Model.Diagnostics;
using AiSprint.Model.Formats.Aml;

namespace AiSprint.Model.Tests.Formats.Aml;

/// <summary>Random damage to every real input must give diagnostics or a value, never an exception.</summary>
public class AmlFuzzTests
{
    private const int MutationsPerFile = 300;

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var f in SharedData.Files(Path.Combine("amllibrary", "example_configurations"), "*.ini")) data.Add(f);
        foreach (var f in SharedData.Files(Path.Combine("amllibrary", "inputs"), "*.csv")) data.Add(f);
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Random_mutations_of_real_inputs_never_throw(string path)
    {
        var original = File.ReadAllText(path);
        // faas_predict.csv is large; mutating a prefix keeps the run short without losing any kind of damage.
        if (original.Length > 20_000) original = original[..20_000];
        var random = new Random(Path.GetFileName(path).Aggregate(17, (h, c) => h * 31 + c));
        for (var i = 0; i < MutationsPerFile; i++)
        {
            var mutated = Mutate(original, random);
            var diagnostics = new DiagnosticBag();
            if (path.EndsWith(".ini", StringComparison.Ordinal))
            {
                var parsed = AmlConfigurationReader.Parse(mutated, "m.ini", diagnostics);
                if (parsed is { } p)
                {
                    var again = AmlConfigurationReader.Parse(AmlConfigurationWriter.Write(p.Configuration), "w.ini", new DiagnosticBag());
                    Assert.Equal(p.Configuration, again?.Configuration);
                }
                else Assert.True(diagnostics.HasErrors, mutated);
            }
            else
            {
                var data = AmlDatasetReader.Parse(mutated, "m.csv", diagnostics);
                Assert.True(data is not null || diagnostics.HasErrors, mutated);
            }
            Assert.All(diagnostics.Items, d => Assert.True(d.Location.Line >= 0 && d.Location.Column >= 0));
        }
    }

    private static string Mutate(string text, Random random)
    {
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations && text.Length > 0; m++)
        {
            switch (random.Next(6))
            {
                case 0:
                {
                    var lines = text.Split('\n').ToList();
                    lines.RemoveAt(random.Next(lines.Count));
                    text = string.Join('\n', lines);
                    break;
                }
                case 1:
                    text = text[..random.Next(text.Length)];
                    break;
                case 2:
                {
                    var i = random.Next(text.Length - 1);
                    var chars = text.ToCharArray();
                    (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                    text = new string(chars);
                    break;
                }
                case 3:
                {
                    const string noise = "[]{}(),:=;#%'\"\\\n\r\t *-+.e0x_";
                    var i = random.Next(text.Length);
                    text = text[..i] + noise[random.Next(noise.Length)] + text[i..];
                    break;
                }
                case 4:
                {
                    var i = random.Next(text.Length);
                    text = text.Remove(i, 1);
                    break;
                }
                default:
                {
                    var lines = text.Split('\n').ToList();
                    var line = lines[random.Next(lines.Count)];
                    lines.Insert(random.Next(lines.Count + 1), line);
                    text = string.Join('\n', lines);
                    break;
                }
            }
        }
        return text;
    }
}
