namespace AiSprint.Model.Tests.Formats.AiSprint;

/// <summary>Seeded random mutations of every real YAML file: readers and writers must report, never throw.</summary>
public class FuzzTests
{
    private static readonly string[] Fragments = [":", "-", "[", "]", "{", "}", " ", "'", "\"", "x", "1", "-1", "\t", "\n", "#", "&a", "*a", "!!str", "null", "1e999", ".nan", "True"];

    internal static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        switch (random.Next(6))
        {
            case 0 when lines.Count > 1:
                lines.RemoveAt(random.Next(lines.Count));
                break;
            case 1:
                var line = random.Next(lines.Count);
                lines.Insert(line, lines[line]);
                break;
            case 2 when lines.Count > 1:
                var (a, b) = (random.Next(lines.Count), random.Next(lines.Count));
                (lines[a], lines[b]) = (lines[b], lines[a]);
                break;
            case 3:
                return text[..random.Next(text.Length + 1)];
            default:
                var at = random.Next(text.Length + 1);
                var cut = random.Next(Math.Min(4, text.Length - at) + 1);
                return text[..at] + Fragments[random.Next(Fragments.Length)] + text[(at + cut)..];
        }
        return string.Join('\n', lines);
    }

    [Fact]
    public void Mutated_files_never_make_a_reader_or_writer_throw()
    {
        var random = new Random(20240611);
        var runs = 0;
        foreach (var (path, format) in AiSprintData.KnownFiles())
        {
            var text = File.ReadAllText(path);
            for (var i = 0; i < 150; i++)
            {
                var mutated = Mutate(text, random);
                for (var extra = random.Next(3); extra > 0; extra--) mutated = Mutate(mutated, random);
                var (value, diagnostics) = format.Read(mutated, "fuzz.yaml");
                Assert.All(diagnostics, d => Assert.Equal("fuzz.yaml", d.Location.File));
                if (value is not null) format.Read(format.Write(value), "rewritten.yaml");
                runs++;
            }
        }
        Assert.Equal(15 * 150, runs);
    }

    [Fact]
    public void Mutated_application_directories_never_make_loading_or_conversion_throw()
    {
        var random = new Random(7);
        var root = Path.Combine(Path.GetTempPath(), "aisprint-fuzz-" + Guid.NewGuid().ToString("N"));
        try
        {
            var source = AiSprintData.Dir(AiSprintData.Example3);
            var files = Directory.EnumerateFiles(source, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            for (var i = 0; i < 60; i++)
            {
                foreach (var file in files)
                {
                    var target = Path.Combine(root, Path.GetRelativePath(source, file));
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.WriteAllText(target, File.ReadAllText(file));
                }
                var victim = Path.Combine(root, Path.GetRelativePath(source, files[random.Next(files.Count)]));
                File.WriteAllText(victim, Mutate(File.ReadAllText(victim), random));
                var loaded = Model.Formats.AiSprint.AiSprintApplicationLoader.Load(root);
                if (loaded.Value is not null)
                {
                    Model.Formats.AiSprint.AiSprintConverter.ToSystemDescription(loaded.Value, new Model.Formats.AiSprint.AiSprintConversionOptions());
                }
            }
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
