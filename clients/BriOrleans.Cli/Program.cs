using BriOrleans.Cli;

return BriCli.Run(args, Console.Out, Console.Error);
