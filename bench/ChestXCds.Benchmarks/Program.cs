using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project bench/ChestXCds.Benchmarks -- --filter '*Name*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>Entry point type, referenced by the switcher.</summary>
public partial class Program;
