using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Help.Benchmarks -- --job short --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Help.Benchmarks.HelpBenchmarks).Assembly).Run(args);
