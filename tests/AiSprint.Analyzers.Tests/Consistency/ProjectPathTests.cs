using AiSprint.Analyzers.Consistency;

namespace AiSprint.Analyzers.Tests.Consistency;

/// <summary>Path arithmetic without System.IO, for paths written on Windows and Unix alike.</summary>
public sealed class ProjectPathTests
{
    [Theory]
    [InlineData("models/m.onnx", "/proj/", "/proj/models/m.onnx")]
    [InlineData("./models/../m.onnx", "/proj", "/proj/m.onnx")]
    [InlineData("../shared/m.onnx", "/work/proj/", "/work/shared/m.onnx")]
    [InlineData("/abs/m.onnx", "/proj/", "/abs/m.onnx")]
    [InlineData("models\\m.onnx", "C:\\src\\proj\\", "C:/src/proj/models/m.onnx")]
    [InlineData("D:\\models\\m.onnx", "C:\\src\\proj\\", "D:/models/m.onnx")]
    public void Relative_paths_start_at_the_project_directory(string path, string projectDirectory, string expected) =>
        Assert.Equal(expected, ProjectPath.Resolve(path, projectDirectory));

    [Fact]
    public void A_relative_path_without_a_project_directory_cannot_be_resolved() =>
        Assert.Null(ProjectPath.Resolve("models/m.onnx", null));

    [Fact]
    public void An_AdditionalFile_path_from_Windows_normalises_like_a_resolved_one() =>
        Assert.Equal(ProjectPath.Normalize("C:\\src\\proj\\models\\m.onnx"), ProjectPath.Resolve("models/m.onnx", "C:\\src\\proj"));
}
