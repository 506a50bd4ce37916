namespace AiSprint.Contract;

/// <summary>Process exit codes of every aisprint command; the MSBuild tasks interpret them the same way.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>An input has errors (or, for convert, could not be converted); nothing was written.</summary>
    public const int InvalidInput = 1;

    /// <summary>Command-line usage error (System.CommandLine's own).</summary>
    public const int Usage = 2;

    /// <summary>The inputs are valid but no placement meets every constraint (reported through warnings).</summary>
    public const int Infeasible = 3;
}
