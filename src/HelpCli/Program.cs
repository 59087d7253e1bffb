using Help.Cli;

#if LOOKUP_APART
// The native pyhelp answers a lookup itself and hands every other command to pyhelp-full (QuickLookup).
var terminal = Terminal.ForAnswers();
return QuickLookup.TryAnswer(args, terminal) ?? QuickLookup.HandOver(args, terminal);
#else
return HelpCommandLine.Run(args, Terminal.FromConsole(), processEnds: true);
#endif
