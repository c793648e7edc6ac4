using BriOrleans.Cli;

return await BriCli.RunAsync(args, Console.Out, Console.Error);
