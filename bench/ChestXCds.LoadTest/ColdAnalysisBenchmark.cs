using System.Globalization;

namespace ChestXCds.LoadTest;

/// <summary>
/// Cold analysis: the in-process stage split (<see cref="ColdSplit"/>), then whole cold hooks over HTTP,
/// each against a fresh service process (nothing cached, hook budget 60 s so the hook waits for the
/// analysis), with the analysis time the service itself logs (EventId 7101). The first request of a fresh
/// process pays JIT and first-use costs of everything, so each process is then warmed by a hook whose
/// latest study is another one (cxr-6-weeks: only the older studies prefetched), and a second cold hook for
/// the full prefetch (latest study cxr-today, not analysed yet) measures a cold analysis in a warm process.
/// </summary>
public static class ColdAnalysisBenchmark
{
    public static async Task<int> RunAsync(BenchArguments args, CancellationToken ct)
    {
        var samples = args.Int("samples", 15, 1, 1000);
        var hookSamples = args.Int("hook-samples", 5, 0, 50);
        var studyId = args.Text("study", "cxr-today");
        Console.WriteLine("Before: " + MachineLoad.Now());
        await using var env = await BenchEnvironment.StartAsync(ct);
        if (!env.World.Dicoms.ContainsKey(studyId))
        {
            throw new ArgumentException($"--study must be one of {string.Join(", ", env.World.Dicoms.Keys)}.");
        }

        Console.WriteLine($"Study {studyId}: {env.World.Dicoms[studyId].FileName}");
        var split = await new ColdSplit(env, studyId).RunAsync(samples, ct);
        ColdSplit.Print(split, samples);
        Console.WriteLine("After split: " + MachineLoad.Now());
        if (hookSamples == 0)
        {
            return 0;
        }

        var hookMs = new List<double>();
        var analysisMs = new List<double>();
        var warmHookMs = new List<double>();
        var warmProcessColdMs = new List<double>();
        var warmProcessAnalysisMs = new List<double>();
        var hook = env.PrefetchedOrderSign();
        var olderOnly = env.PrefetchedOrderSign(["cxr-6-weeks", "cxr-1-year"]);
        for (var i = 0; i < hookSamples; i++)
        {
            await using var service = await env.StartServiceAsync(hookBudgetMilliseconds: 60_000, ct);

            // Process-cold: the first request of the process analyses cxr-6-weeks.
            var first = await env.SendAsync(service.BaseAddress, BenchEnvironment.OrderSignPath, olderOnly, ct);
            var firstAnalysis = await AnalysisLog.NthAsync(service, 1, TimeSpan.FromSeconds(2), ct);

            // Warm process, cold analysis: cxr-today is the latest study now and nothing has analysed it.
            var cold = await env.SendAsync(service.BaseAddress, BenchEnvironment.OrderSignPath, hook, ct);
            var coldAnalysis = await AnalysisLog.NthAsync(service, 2, TimeSpan.FromSeconds(2), ct);
            var warm = await env.SendAsync(service.BaseAddress, BenchEnvironment.OrderSignPath, hook, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fresh service {i + 1}: first hook {first.Status} {first.Elapsed.TotalMilliseconds:0} ms (analysis {firstAnalysis:0} ms, AI card {first.HasAiCard}); "
                + $"cold hook in the warm process {cold.Status} {cold.Elapsed.TotalMilliseconds:0} ms (analysis {coldAnalysis:0} ms, AI card {cold.HasAiCard}); cached hook {warm.Elapsed.TotalMilliseconds:0} ms"));
            if (!first.HasAiCard || !cold.HasAiCard || !warm.HasAiCard)
            {
                Console.WriteLine("  no AI card: " + first.Describe() + "\n  " + cold.Describe());
                continue;
            }

            hookMs.Add(first.Elapsed.TotalMilliseconds);
            analysisMs.Add(firstAnalysis);
            warmProcessColdMs.Add(cold.Elapsed.TotalMilliseconds);
            warmProcessAnalysisMs.Add(coldAnalysis);
            warmHookMs.Add(warm.Elapsed.TotalMilliseconds);
        }

        var floor = Stats.Median(split.RetrievalAlone) + Stats.Median(split.InferenceAlone);
        Console.WriteLine();
        Console.WriteLine($"Cold hooks over HTTP, one fresh service process each: {hookMs.Count} of {hookSamples} answered the AI card");
        Console.WriteLine("| hook | median | min | max | ratio to retrieval + inference alone |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Row("first request of the process (cxr-6-weeks, JIT included)", hookMs, floor);
        Row("  its image analysis as the service logs it (7101)", analysisMs, floor);
        Row("cold hook in the warmed process (cxr-today)", warmProcessColdMs, floor);
        Row("  its image analysis as the service logs it (7101)", warmProcessAnalysisMs, floor);
        Row("next hook, same process (cached)", warmHookMs, floor);
        Console.WriteLine("After: " + MachineLoad.Now());
        return hookMs.Count == hookSamples ? 0 : 1;
    }

    private static void Row(string name, List<double> v, double floor) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {Stats.Median(v):0} ms | {Stats.Min(v):0} | {Stats.Max(v):0} | {Stats.Median(v) / floor:0.00} |"));
}
