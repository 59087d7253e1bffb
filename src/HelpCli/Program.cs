using Help.Cli;

return HelpCommandLine.Run(args, Terminal.FromConsole());
