using System.CommandLine;
using AiSprint.Cli.Commands;

namespace AiSprint.Cli;

/// <summary>The <c>aisprint</c> command tree. Tests call <see cref="Run"/> in-process with their own writers.</summary>
public static class AisprintApp
{
    /// <summary>Every command, writing its results to <paramref name="output"/> and its diagnostics and progress to <paramref name="error"/>.</summary>
    public static RootCommand CreateRootCommand(TextWriter output, TextWriter error)
    {
        var root = new RootCommand(
            "aisprint: design-time tools for AI applications across edge devices, cloud VMs and serverless functions.\n" +
            "Reads AI-SPRINT application directories (YAML), SPACE4AI-D system and solution JSON, and aMLLibrary\n" +
            "configurations; checks them and converts between them. Run 'aisprint <command> --help' for details.");
        root.Subcommands.Add(ValidateCommand.Create(output, error));
        root.Subcommands.Add(ConvertCommand.Create(output, error));
        root.Subcommands.Add(EvaluateCommand.Create(output, error));
        root.Subcommands.Add(PlaceCommand.Create(output, error));
        root.Subcommands.Add(MetricsCommand.Create(output, error));
        root.Subcommands.Add(OnnxCommands.Inspect(output, error));
        root.Subcommands.Add(OnnxCommands.Partition(output, error));
        root.Subcommands.Add(RegressionCommands.Regress(output, error));
        root.Subcommands.Add(RegressionCommands.Predict(output, error));
        root.Subcommands.Add(DemandsCommand.Create(output, error));
        root.Subcommands.Add(DesignCommand.Create(output, error));
        root.Subcommands.Add(DeployCommand.Create(output, error));
        root.Subcommands.Add(ProfileCommand.Create(output, error));
        root.Subcommands.Add(ProfileReportCommand.Create(output, error));
        root.Subcommands.Add(LayersCommand.Create(output, error));
        root.Subcommands.Add(SuperviseCommand.Create(output, error));
        return root;
    }

    /// <summary>Parses and runs one command line; returns the process exit code (<see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = CreateRootCommand(output, error);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return root.Parse(args).Invoke(configuration);
    }
}
