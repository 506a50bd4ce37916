namespace AiSprint.Tests;

/// <summary>Hand-made inputs kept in the repository (tests/Fixtures), as opposed to the original tools' files in <see cref="SharedData"/>.</summary>
public static class Fixtures
{
    public static string PathOf(params string[] parts) =>
        System.IO.Path.Combine([TestProjectDirectoryAttribute.RepositoryRoot, "tests", "Fixtures", .. parts]);

    /// <summary>An AI-SPRINT application directory with alternative components (its README says what each file is for).</summary>
    public static string Alternatives => PathOf("aisprint", "mask_detection_alternatives");
}
