using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;
using AiSprint.Model.Alternatives;
using AiSprint.Model.Diagnostics;

namespace AiSprint.Model.Formats.AiSprint;

/// <summary>
/// A component's <c>src/&lt;c&gt;/classification_performance/</c>: <c>confusion_matrix.npy</c> (a 2-D NumPy array,
/// rows true, columns predicted) and <c>class_names_dictionary.csv</c> (<c>class,index</c>), as the Studio reads them (§1.1).
/// </summary>
public static partial class ClassificationPerformanceFiles
{
    /// <summary>The folder, in an implementation's directory, holding its confusion matrix and class names.</summary>
    public const string Folder = "classification_performance";
    internal const string MatrixFile = "confusion_matrix.npy";
    internal const string ClassesFile = "class_names_dictionary.csv";

    /// <summary>Reads the confusion matrix (<c>confusion_matrix.npy</c>) and class names (<c>class_names_dictionary.csv</c>) in <paramref name="folder"/>.</summary>
    public static LoadResult<ConfusionMatrix> Load(string folder)
    {
        var bag = new DiagnosticBag();
        var matrixPath = Path.Combine(folder, MatrixFile);
        var classesPath = Path.Combine(folder, ClassesFile);
        double[,]? cells = null;
        IReadOnlyList<string>? classes = null;
        try
        {
            cells = ReadNpy(File.ReadAllBytes(matrixPath), matrixPath, bag);
            classes = ReadClasses(File.ReadAllLines(classesPath), classesPath, bag);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            bag.Add(DiagnosticCatalog.FileNotReadable, SourceLocation.WholeFile(cells is null ? matrixPath : classesPath), $"cannot read the classification performance: {ex.Message}");
        }
        if (cells is null || classes is null) return new LoadResult<ConfusionMatrix>(null, bag.Items);
        if (cells.GetLength(0) != classes.Count || cells.GetLength(1) != classes.Count)
        {
            bag.Add(DiagnosticCatalog.MetricChainUnsupported, SourceLocation.WholeFile(matrixPath),
                $"the matrix is {cells.GetLength(0)}×{cells.GetLength(1)} but {ClassesFile} names {classes.Count} classes; expected one row and column per class");
            return new LoadResult<ConfusionMatrix>(null, bag.Items);
        }
        return new LoadResult<ConfusionMatrix>(new ConfusionMatrix(classes, cells), bag.Items);
    }

    [GeneratedRegex(@"'descr'\s*:\s*'(?<descr>[^']+)'.*'fortran_order'\s*:\s*(?<fortran>True|False).*'shape'\s*:\s*\((?<shape>[^)]*)\)", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex NpyHeader();

    /// <summary>The NPY format (numpy.lib.format, versions 1–3): magic, a header dict, then the raw little-endian array.</summary>
    internal static double[,]? ReadNpy(byte[] bytes, string file, DiagnosticBag bag)
    {
        if (bytes.Length < 10 || bytes[0] != 0x93 || System.Text.Encoding.ASCII.GetString(bytes, 1, 5) != "NUMPY")
        {
            bag.Add(DiagnosticCatalog.Syntax, SourceLocation.WholeFile(file), "not a NumPy .npy file (no \\x93NUMPY magic); expected numpy.save output");
            return null;
        }
        var major = bytes[6];
        var (headerLength, start) = major == 1 ? (BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)), 10) : ((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)), 12);
        var header = System.Text.Encoding.Latin1.GetString(bytes, start, Math.Min(headerLength, bytes.Length - start));
        var match = NpyHeader().Match(header);
        var dims = match.Success ? match.Groups["shape"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        if (!match.Success || dims.Length != 2 || match.Groups["fortran"].Value == "True")
        {
            bag.Add(DiagnosticCatalog.WrongType, SourceLocation.WholeFile(file), $"the array header is {header.Trim()}; expected a C-ordered 2-D array");
            return null;
        }
        var (rows, cols) = (int.Parse(dims[0], CultureInfo.InvariantCulture), int.Parse(dims[1], CultureInfo.InvariantCulture));
        var descr = match.Groups["descr"].Value;
        Func<ReadOnlyMemory<byte>, double>? read = descr switch
        {
            "<f8" => b => BinaryPrimitives.ReadDoubleLittleEndian(b.Span),
            "<f4" => b => BinaryPrimitives.ReadSingleLittleEndian(b.Span),
            "<i8" => b => BinaryPrimitives.ReadInt64LittleEndian(b.Span),
            "<i4" => b => BinaryPrimitives.ReadInt32LittleEndian(b.Span),
            _ => null,
        };
        var size = descr.Length == 3 && char.IsDigit(descr[2]) ? descr[2] - '0' : 0;
        var data = start + headerLength;
        if (read is null || bytes.Length < data + rows * cols * size)
        {
            bag.Add(DiagnosticCatalog.WrongType, SourceLocation.WholeFile(file), read is null
                ? $"the array's dtype is '{descr}'; expected little-endian float64, float32, int64 or int32"
                : $"the file holds {bytes.Length - data} bytes of data; expected {rows * cols * size} for a {rows}×{cols} '{descr}' array");
            return null;
        }
        var cells = new double[rows, cols];
        for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++)
                cells[i, j] = read(bytes.AsMemory(data + (i * cols + j) * size, size));
        return cells;
    }

    /// <summary><c>class,index</c> rows (the Studio writes them with pandas, so an unnamed index column may lead).</summary>
    internal static IReadOnlyList<string>? ReadClasses(string[] lines, string file, DiagnosticBag bag)
    {
        if (lines.Length == 0)
        {
            bag.Add(DiagnosticCatalog.MissingKey, SourceLocation.WholeFile(file), "the file is empty; expected a header with columns class and index");
            return null;
        }
        var header = lines[0].Split(',').Select(h => h.Trim()).ToList();
        var (classColumn, indexColumn) = (header.IndexOf("class"), header.IndexOf("index"));
        if (classColumn < 0 || indexColumn < 0)
        {
            bag.Add(DiagnosticCatalog.MissingKey, new SourceLocation(file, 1, 1), $"the header is '{lines[0]}'; expected columns class and index");
            return null;
        }
        var byIndex = new SortedDictionary<int, string>();
        for (var line = 1; line < lines.Length; line++)
        {
            if (lines[line].Trim().Length == 0) continue;
            var fields = lines[line].Split(',');
            if (fields.Length != header.Count || !int.TryParse(fields[indexColumn].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                bag.Add(DiagnosticCatalog.WrongType, new SourceLocation(file, line + 1, 1), $"'{lines[line]}' is not a row of {header.Count} fields with an integer index; expected e.g. 'mask,0'");
                continue;
            }
            if (!byIndex.TryAdd(index, fields[classColumn].Trim()))
            {
                bag.Add(DiagnosticCatalog.DuplicateName, new SourceLocation(file, line + 1, 1), $"index {index} is given twice; expected one class per index");
            }
        }
        if (byIndex.Keys.Select((k, i) => k != i).Any(gap => gap))
        {
            bag.Add(DiagnosticCatalog.InvalidValue, SourceLocation.WholeFile(file), $"the indices are {string.Join(", ", byIndex.Keys)}; expected 0, 1, … without gaps (the matrix's rows)");
            return null;
        }
        return byIndex.Values.ToList();
    }
}
