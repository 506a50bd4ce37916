namespace AiSprint.Deploy;

/// <summary>
/// How a front end shows the long stages of a deploy (the placement search, the sweep, the alternatives): it runs each
/// stage's work, giving it a progress sink or null. The CLI draws a progress bar; a library caller may pass none.
/// </summary>
public interface IStageProgress
{
    /// <summary>Runs <paramref name="work"/>, the stage named <paramref name="stage"/>, reporting its completed fraction (0 to 1).</summary>
    T Run<T>(string stage, Func<IProgress<double>?, T> work);
}
