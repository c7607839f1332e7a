using System.Globalization;
using ChestXCds.CdsHooks.Authentication;

namespace ChestXCds.LoadTest;

/// <summary>
/// Warm order-sign under wrk: the demo world and the service (its own process, demo settings), the analysis
/// made cached by one hook with a long budget, then wrk against POST /cds-services/chestx-order-sign with a
/// fresh JWT per request and the prefetched hook body; then the same wrk run against the bare endpoint (the floor:
/// the same JWT verification with the service's own types and settings, the body parsed, the exact bytes of one
/// real response written), with fresh tokens for its own URL. Ratio = service / bare.
/// </summary>
public static class WarmLoadBenchmark
{
    /// <summary>How many times the service's rate the floor's warm-up tokens allow for (a shortfall shows as token_wraps and 401s in the warm-up only: the run's tokens follow the floor's own warm-up rate).</summary>
    private const int BareWarmupFactor = 4;

    public static async Task<int> RunAsync(BenchArguments args, CancellationToken ct)
    {
        var duration = args.Int("duration", 20, 1, 300);
        var warmup = args.Int("warmup", 15, 1, 120);
        var connections = args.Int("connections", 16, 1, 1000);
        var threads = args.Int("threads", 2, 1, 64);
        // The least rate (requests/s) tokens are signed for. 400 made the service's 30 s warm-up run out of tokens at
        // 1,150/s (64% of its requests were replays answered 401, so the hook path was not what got warmed up).
        var maxRate = args.Int("max-rate", 2000, 10, 100_000);
        if (connections < threads)
        {
            throw new ArgumentException("--connections must be at least --threads.");
        }

        var algorithm = args.Text("alg", ChestXCds.Cli.Demo.DemoEhr.Es384);
        Console.WriteLine("Before: " + MachineLoad.Now());
        await using var env = await BenchEnvironment.StartAsync(ct, algorithm);
        Console.WriteLine($"CDS client JWTs signed {env.Ehr.Algorithm}");
        Console.WriteLine($"Orthanc {env.World.Pacs.DicomWebBaseAddress}, FHIR {env.World.FhirBase}");
        var settings = env.ServiceSettings(hookBudgetMilliseconds: 60_000);
        if (args.Int("perf-map", 0, 0, 1) == 1)
        {
            // Lets `perf record -g -p <service pid>` name JIT-compiled frames (/tmp/perf-<pid>.map; W^X off, or perf sees only memfd:doublemapper).
            settings["DOTNET_PerfMapEnabled"] = "1";
            settings["DOTNET_EnableWriteXorExecute"] = "0";
        }

        await using var service = await ChestXCds.Cli.Demo.ServiceProcess.StartAsync(env.RepositoryRoot, settings, TimeSpan.FromSeconds(180), ct);
        Console.WriteLine($"Service {service.BaseAddress}");

        var hook = env.PrefetchedOrderSign();
        var bodyFile = Path.Combine(env.Work.FullName, "order-sign-request.json");
        await File.WriteAllTextAsync(bodyFile, hook.ToJsonString(), ct);

        // The first hook waits (60 s budget) for the cold analysis; the second is the cached answer whose bytes the bare endpoint serves.
        var first = await env.SendAsync(service.BaseAddress, BenchEnvironment.OrderSignPath, hook, ct);
        Console.WriteLine($"Cold hook: {first.Status} in {first.Elapsed.TotalMilliseconds:0} ms, AI card: {first.HasAiCard}");
        var cached = await env.SendAsync(service.BaseAddress, BenchEnvironment.OrderSignPath, hook, ct);
        if (!cached.HasAiCard)
        {
            throw new InvalidOperationException($"The cached hook did not answer the AI card: {cached.Describe()}\n{service.OutputTail}");
        }

        var responseFile = Path.Combine(env.Work.FullName, "order-sign-response.json");
        await File.WriteAllBytesAsync(responseFile, cached.Body, ct);
        Console.WriteLine($"Cached hook: {cached.Status} in {cached.Elapsed.TotalMilliseconds:0} ms; request {new FileInfo(bodyFile).Length} bytes, response {cached.Body.Length} bytes ({cached.ContentType})");

        var audience = new Uri(service.BaseAddress, BenchEnvironment.OrderSignPath);
        var warmTokens = TokenFiles.Write(env.Ehr, audience, env.Work.FullName, "warmup", threads, (warmup * maxRate / threads) + 200);
        var serviceWarm = await WrkRunner.RunAsync(env.RepositoryRoot, service.BaseAddress, threads, connections, warmup, warmTokens, bodyFile, ct);
        WarnWhenWrapped("service", serviceWarm);

        // Enough tokens for twice the warm-up rate (which still includes tier-up JIT) or --max-rate, whichever is more;
        // a wrap would show as 401s in the check line.
        var perThread = (int)Math.Ceiling(duration * Math.Max(serviceWarm.RequestsPerSecond * 2, maxRate) / threads) + 500;
        var runTokens = TokenFiles.Write(env.Ehr, audience, env.Work.FullName, "run", threads, perThread);
        var servicePid = ProcessCpu.Find("ChestXCds.Api.dll", service.BaseAddress.AbsoluteUri.TrimEnd('/'));
        var loadBefore = MachineLoad.Now();
        var cpu = CpuSnapshot.Take(servicePid);
        var serviceRun = await WrkRunner.RunAsync(env.RepositoryRoot, service.BaseAddress, threads, connections, duration, runTokens, bodyFile, ct);
        var serviceCpu = CpuSnapshot.Take(servicePid) - cpu;
        var loadAfterService = MachineLoad.Now();
        var endpointRead = await FhirReadProbe.MedianEndpointReadMsAsync(env.World, 50, ct);

        // The floor verifies the same JWTs the same way: the service's CdsClients settings (issuer allow-list, JWKS file),
        // its own tokens signed for the floor's URL (aud), each used once (the floor keeps its own jti replay cache).
        var clientSettings = settings.Where(s => s.Key.StartsWith(CdsClientsOptions.SectionName + ":", StringComparison.Ordinal))
            .ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        WrkResult bareRun;
        CpuSnapshot bareCpu;
        await using (var bare = await BareEndpointProcess.StartAsync(env.RepositoryRoot, responseFile, cached.ContentType, clientSettings, ct))
        {
            Console.WriteLine($"Bare endpoint {bare.BaseAddress} (verifies the JWT as the service does)");
            await BareEndpointCheck.RunAsync(env.Ehr, bare.BaseAddress, audience, bodyFile, cached.Body, ct);
            var bareAudience = new Uri(bare.BaseAddress, BenchEnvironment.OrderSignPath);

            // The floor is faster than the service by a factor not known yet: enough warm-up tokens for BareWarmupFactor times
            // the service's measured rate, then run tokens for twice the floor's own warm-up rate (as for the service).
            var bareWarmupRate = Math.Max(serviceRun.RequestsPerSecond * BareWarmupFactor, maxRate);
            var bareWarmTokens = TokenFiles.Write(env.Ehr, bareAudience, env.Work.FullName, "bare-warmup", threads, (int)Math.Ceiling(warmup * bareWarmupRate / threads) + 200);
            var bareWarm = await WrkRunner.RunAsync(env.RepositoryRoot, bare.BaseAddress, threads, connections, warmup, bareWarmTokens, bodyFile, ct);
            WarnWhenWrapped("bare endpoint", bareWarm);
            var barePerThread = (int)Math.Ceiling(duration * Math.Max(bareWarm.RequestsPerSecond * 2, maxRate) / threads) + 500;
            var bareRunTokens = TokenFiles.Write(env.Ehr, bareAudience, env.Work.FullName, "bare-run", threads, barePerThread);
            cpu = CpuSnapshot.Take(bare.ProcessId);
            bareRun = await WrkRunner.RunAsync(env.RepositoryRoot, bare.BaseAddress, threads, connections, duration, bareRunTokens, bodyFile, ct);
            bareCpu = CpuSnapshot.Take(bare.ProcessId) - cpu;
        }

        var loadAfter = MachineLoad.Now();
        Console.WriteLine();
        Console.WriteLine($"wrk -t{threads} -c{connections} -d{duration}s (after a {warmup} s warm-up each), {env.Ehr.Algorithm} JWTs, response {cached.Body.Length} bytes");
        Console.WriteLine("| target | p50 | p99 | requests/s | requests | non-2xx | socket errors | check |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|");
        Console.WriteLine(Row("service (cached analysis)", serviceRun));
        Console.WriteLine(Row("bare endpoint (same JWT check, body parse, same bytes)", bareRun));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| ratio service/bare | {serviceRun.P50Ms / bareRun.P50Ms:0.0}x | {serviceRun.P99Ms / bareRun.P99Ms:0.0}x | {serviceRun.RequestsPerSecond / bareRun.RequestsPerSecond:0.00} | | | | |"));
        Console.WriteLine(serviceCpu.Describe("service run", "service", serviceRun.Requests));
        Console.WriteLine(bareCpu.Describe("bare run", "bare endpoint", bareRun.Requests));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The Endpoint read the service makes per hook, alone against the WireMock FHIR server (50 sequential GETs, no load): median {endpointRead:0.00} ms"));
        Console.WriteLine($"Load: before service run {loadBefore}; after it {loadAfterService}; after bare run {loadAfter}");
        var goals = serviceRun.P99Ms < 50 && serviceRun.RequestsPerSecond >= bareRun.RequestsPerSecond / 2;
        Console.WriteLine($"Goals (p99 < 50 ms, throughput >= half of bare): {(goals ? "met" : "NOT met")}");
        return Clean(serviceRun) && Clean(bareRun) ? 0 : 1;
    }

    /// <summary>Every answer 200 with the AI card and no socket errors: a 401 from either side (wrong keys, aud, a wrapped token) fails the run.</summary>
    private static bool Clean(WrkResult run) =>
        run.Non2xx == 0 && run.SocketErrors == 0 && run.CheckLine.Contains("non200=0 ", StringComparison.Ordinal)
        && run.CheckLine.Contains("without_expected=0 ", StringComparison.Ordinal);

    /// <summary>A warm-up that ran out of tokens warmed the 401 path, not the hook; its rate is then too high too.</summary>
    private static void WarnWhenWrapped(string target, WrkResult warm)
    {
        if (!warm.CheckLine.Contains("token_wraps=0", StringComparison.Ordinal))
        {
            Console.WriteLine($"warning: the {target} warm-up ran out of tokens ({warm.CheckLine}); raise --max-rate.");
        }
    }

    private static string Row(string name, WrkResult r) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {r.P50Ms:0.00} ms | {r.P99Ms:0.00} ms | {r.RequestsPerSecond:0} | {r.Requests} | {r.Non2xx} | {r.SocketErrors} | {r.CheckLine.Replace("chestx-check: ", string.Empty, StringComparison.Ordinal)} |");
}
