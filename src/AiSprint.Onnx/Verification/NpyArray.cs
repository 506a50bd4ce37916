using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AiSprint.Onnx.Verification;

/// <summary>A float32 array read from a NumPy .npy file (format 1.0, little-endian, C order): the reference tensors.</summary>
public sealed partial record NpyArray(float[] Data, long[] Shape)
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads a float32 .npy file (format 1.0, little-endian, C order).</summary>
    /// <exception cref="InvalidDataException">The file is not such an array.</exception>
    public static NpyArray Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(Magic))
        {
            throw new InvalidDataException($"'{path}' is not a .npy file (bad magic).");
        }
        if (bytes[6] != 1)
        {
            throw new InvalidDataException($"'{path}' is .npy format {bytes[6]}.{bytes[7]}; only 1.0 is read.");
        }
        var headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        var header = Encoding.ASCII.GetString(bytes, 10, headerLength);
        var descr = DescrPattern().Match(header);
        if (!descr.Success || descr.Groups[1].Value is not ("<f4" or "|f4"))
        {
            throw new InvalidDataException($"'{path}': only little-endian float32 ('<f4') is read; header says {header.Trim()}.");
        }
        if (FortranPattern().Match(header) is { Success: true } fortran && fortran.Groups[1].Value == "True")
        {
            throw new InvalidDataException($"'{path}' is in Fortran order; only C order is read.");
        }
        var shapeMatch = ShapePattern().Match(header);
        if (!shapeMatch.Success)
        {
            throw new InvalidDataException($"'{path}': no shape in header {header.Trim()}.");
        }
        var shape = shapeMatch.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var count = shape.Aggregate(1L, (a, d) => a * d);
        var offset = 10 + headerLength;
        if (bytes.Length - offset != count * 4)
        {
            throw new InvalidDataException($"'{path}': shape ({string.Join(",", shape)}) needs {count * 4} data bytes, the file has {bytes.Length - offset}.");
        }
        var data = new float[count];
        for (var i = 0; i < data.Length; i++) data[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(offset + i * 4));
        return new NpyArray(data, shape);
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
