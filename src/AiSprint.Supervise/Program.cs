using System.CommandLine;
using AiSprint.Commands;

// aisprint-supervise takes exactly the options of `aisprint supervise`: the command is one shared source.
var root = SuperviseCommand.Configure(new RootCommand("aisprint-supervise: " + SuperviseCommand.Description), Console.Out, Console.Error);
return root.Parse(args).Invoke(new InvocationConfiguration { Output = Console.Out, Error = Console.Error });
