// The console template app ("dotnet new console"): one line through System.Console.
Console.Out.WriteLine();
