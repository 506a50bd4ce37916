using System.IO.Compression;
using System.Xml.Linq;
using AiSprint.Model.Diagnostics;

namespace AiSprint.Sdk.Tests;

/// <summary>What the packed AiSprint.Sdk carries besides its assemblies: the documentation its help links point at.</summary>
[Collection(PackedSdkCollection.Name)]
public sealed class PackageContentTests(PackedSdk sdk)
{
    [Fact]
    public void The_package_ships_the_diagnostics_page_its_help_links_point_at_and_names_their_address()
    {
        using var package = ZipFile.OpenRead(Path.Combine(sdk.Feed, $"AiSprint.Sdk.{PackedSdk.Version}.nupkg"));

        var shipped = package.GetEntry("docs/diagnostics.md");
        Assert.NotNull(shipped);
        using (var reader = new StreamReader(shipped.Open()))
        {
            Assert.Equal(File.ReadAllText(Path.Combine(TestProjectDirectoryAttribute.RepositoryRoot, "docs", "diagnostics.md")), reader.ReadToEnd());
        }
        Assert.NotNull(package.GetEntry("docs/build.md"));

        var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        var projectUrl = XDocument.Load(stream).Descendants().Single(e => e.Name.LocalName == "projectUrl").Value;
        var helpLink = DiagnosticCatalog.FileNotReadable.HelpLink!;
        Assert.StartsWith(projectUrl + "/", helpLink, StringComparison.Ordinal);
        Assert.EndsWith("docs/diagnostics.md#ais0001", helpLink, StringComparison.Ordinal);
    }
}
