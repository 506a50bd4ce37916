namespace AiSprint.Cli.Tests;

public class DesignCommandTests
{
    [Fact]
    public void The_metadata_json_is_printed_byte_for_byte_with_a_final_newline()
    {
        var assembly = DesignAssembly.Emit(DesignSamples.WindFarmJson);
        var (code, output, error) = ValidateCommandTests.Run("design", assembly);
        Assert.True(code == 0, error);
        Assert.Equal(DesignSamples.WindFarmJson + "\n", output);
        Assert.Equal("", error);
    }

    [Fact]
    public void A_document_already_ending_in_a_newline_gets_no_second_one()
    {
        var (code, output, _) = ValidateCommandTests.Run("design", DesignAssembly.Emit("{\"schema\":\"aisprint-design/1\"}\n"));
        Assert.Equal(0, code);
        Assert.Equal("{\"schema\":\"aisprint-design/1\"}\n", output);
    }

    [Fact]
    public void Output_writes_the_same_bytes_to_a_file_and_nothing_to_the_console()
    {
        var assembly = DesignAssembly.Emit(DesignSamples.WindFarmJson, "WindFarm.exe");
        var file = Path.Combine(Directory.CreateTempSubdirectory("aisprint-design-").FullName, "out", "design.json");
        var (code, output, error) = ValidateCommandTests.Run("design", assembly, "-o", file);
        Assert.True(code == 0, error);
        Assert.Equal("", output);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(DesignSamples.WindFarmJson + "\n"), File.ReadAllBytes(file));
    }

    [Fact]
    public void An_assembly_without_a_design_exits_1_with_AIS0053()
    {
        var assembly = DesignAssembly.Emit(designJson: null);
        var (code, output, error) = ValidateCommandTests.Run("design", assembly);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal($"{assembly}: warning AIS0053: the assembly has no AiSprint design document; expected a method with [Component] or [ExecTime] and the AiSprint generator\n",
            error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_dll_that_is_no_assembly_exits_1_with_AIS0001()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("aisprint-design-").FullName, "Broken.dll");
        File.WriteAllText(path, "not a PE file");
        var (code, _, error) = ValidateCommandTests.Run("design", path);
        Assert.Equal(1, code);
        Assert.StartsWith($"{path}: error AIS0001: ", error);
    }

    [Fact]
    public void A_path_that_does_not_exist_exits_1_with_AIS0001()
    {
        var (code, _, error) = ValidateCommandTests.Run("design", "/nonexistent/App.csproj");
        Assert.Equal(1, code);
        Assert.Equal("/nonexistent/App.csproj: error AIS0001: no such project, directory or assembly\n", error.ReplaceLineEndings("\n"));
    }
}
