namespace AiSprint.Model.Diagnostics;

/// <summary>A place in an input file: 1-based line and column, or the whole file when Line is 0.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location naming only the file (line and column 0), for problems that have no position in it.</summary>
    public static SourceLocation WholeFile(string file) => new(file, 0, 0);

    /// <summary>The MSBuild/compiler canonical form <c>file(line,col)</c> is used by build tasks; this is the GNU form.</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
