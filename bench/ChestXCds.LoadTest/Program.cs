using ChestXCds.LoadTest;

// Usage (Release build; see bench/README.md "Analysis pipeline (issue 6)"):
//   ChestXCds.LoadTest warm [--duration 20] [--warmup 15] [--connections 16] [--threads 2] [--max-rate 2000] [--perf-map 0|1] [--alg ES384|RS384]
//   ChestXCds.LoadTest cold [--samples 15] [--hook-samples 5] [--study cxr-today]
//   ChestXCds.LoadTest first [--samples 5]
try
{
    var arguments = new BenchArguments(args.Skip(1));
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancel.Cancel();
    };

    return args.FirstOrDefault() switch
    {
        "warm" => await WarmLoadBenchmark.RunAsync(arguments, cancel.Token),
        "cold" => await ColdAnalysisBenchmark.RunAsync(arguments, cancel.Token),
        "first" => await FirstHookBenchmark.RunAsync(arguments, cancel.Token),
        _ => Usage(),
    };
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return Usage();
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    return 1;
}

static int Usage()
{
    Console.Error.WriteLine("usage: ChestXCds.LoadTest warm [--duration S] [--warmup S] [--connections N] [--threads N] [--max-rate R] [--perf-map 0|1] [--alg ES384|RS384]");
    Console.Error.WriteLine("       ChestXCds.LoadTest cold [--samples N] [--hook-samples N] [--study ID]");
    Console.Error.WriteLine("       ChestXCds.LoadTest first [--samples N]");
    return 2;
}
