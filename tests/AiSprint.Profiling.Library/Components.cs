using AiSprint.Annotations;
using YamlDotNet.RepresentationModel;

namespace AiSprint.Profiling.Library;

/// <summary>
/// Components of a class library. The sleeper sleeps per core it was told about, so its time tells the tests how many
/// cores the profiling host saw; the YAML reader needs a package dependency, which only a folder the library's
/// dependencies were copied to can serve.
/// </summary>
public static class LibraryComponents
{
    [Component("library-sleeper")]
    public static int SleepPerCore(int milliseconds)
    {
        Thread.Sleep(milliseconds * Environment.ProcessorCount);
        return milliseconds;
    }

    [Component("library-yaml")]
    public static int CountNodes(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return ((YamlMappingNode)stream.Documents[0].RootNode).Children.Count;
    }
}
