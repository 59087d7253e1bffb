using Help.Server.Hosting;

// The local web viewer: `dotnet run --project src/HelpServer -- [--port N] [--index DIR]`.
return await ViewerServer.RunAsync(args, Console.Out, Console.Error);
