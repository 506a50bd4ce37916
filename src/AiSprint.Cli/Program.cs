using AiSprint.Cli;

return AisprintApp.Run(args, Console.Out, Console.Error);
