// Writes one line, as a lookup does, so both pay for the console.
Console.Out.WriteLine();
