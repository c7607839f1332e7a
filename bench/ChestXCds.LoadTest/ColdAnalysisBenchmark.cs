using System.Globalization;
using System.Text.RegularExpressions;

namespace ChestXCds.LoadTest;

/// <summary>
/// Cold analysis: the in-process stage split (<see cref="ColdSplit"/>), then whole cold hooks over HTTP,
/// each against a fresh service process (nothing cached, hook budget 60 s so the hook waits for the
/// analysis), with the analysis time the service itself logs (EventId 7101).
/// </summary>
public static partial class ColdAnalysisBenchmark
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
        var hook = env.PrefetchedOrderSign();
        for (var i = 0; i < hookSamples; i++)
        {
            await using var service = await env.StartServiceAsync(hookBudgetMilliseconds: 60_000, ct);
            var cold = await env.SendAsync(service.BaseAddress, BenchEnvironment.OrderSignPath, hook, ct);
            var warm = await env.SendAsync(service.BaseAddress, BenchEnvironment.OrderSignPath, hook, ct);
            await Task.Delay(500, ct);
            var logged = AnalysisLogged().Matches(service.OutputTail);
            var analysis = logged.Count > 0 ? double.Parse(logged[^1].Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fresh service {i + 1}: cold hook {cold.Status} in {cold.Elapsed.TotalMilliseconds:0} ms (AI card: {cold.HasAiCard}), service-logged analysis {analysis:0} ms, second hook {warm.Elapsed.TotalMilliseconds:0} ms"));
            if (!cold.HasAiCard)
            {
                Console.WriteLine("  no AI card: " + cold.Describe());
                continue;
            }

            hookMs.Add(cold.Elapsed.TotalMilliseconds);
            analysisMs.Add(analysis);
            warmHookMs.Add(warm.Elapsed.TotalMilliseconds);
        }

        var floor = Stats.Median(split.RetrievalAlone) + Stats.Median(split.InferenceAlone);
        Console.WriteLine();
        Console.WriteLine($"Cold hooks over HTTP, one fresh service process each: {hookMs.Count} of {hookSamples} answered the AI card");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| cold hook (first request of the process) | median {Stats.Median(hookMs):0} ms | min {Stats.Min(hookMs):0} | max {Stats.Max(hookMs):0} | ratio to retrieval+inference alone {Stats.Median(hookMs) / floor:0.00} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| its analysis as the service logs it (7101) | median {Stats.Median(analysisMs):0} ms | min {Stats.Min(analysisMs):0} | max {Stats.Max(analysisMs):0} | ratio {Stats.Median(analysisMs) / floor:0.00} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| second hook, same process (cached) | median {Stats.Median(warmHookMs):0} ms | min {Stats.Min(warmHookMs):0} | max {Stats.Max(warmHookMs):0} | |"));
        Console.WriteLine("After: " + MachineLoad.Now());
        return hookMs.Count == hookSamples ? 0 : 1;
    }

    [GeneratedRegex(@"produced \d+ score\(s\) in ([\d.]+) ms")]
    private static partial Regex AnalysisLogged();
}
