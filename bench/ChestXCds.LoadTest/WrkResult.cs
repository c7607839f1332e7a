namespace ChestXCds.LoadTest;

/// <summary>What one wrk run reported, plus the Lua script's own check of every answer.</summary>
/// <param name="P50Ms">50th percentile latency (wrk --latency), ms.</param>
/// <param name="P99Ms">99th percentile latency, ms.</param>
/// <param name="RequestsPerSecond">wrk's Requests/sec.</param>
/// <param name="Requests">Requests completed.</param>
/// <param name="Non2xx">wrk's "Non-2xx or 3xx responses" (0 when the line is absent).</param>
/// <param name="SocketErrors">Sum of connect, read, write and timeout errors.</param>
/// <param name="CheckLine">The script's "chestx-check:" line (non-200 count, answers without the AI card, token wraps).</param>
/// <param name="Output">wrk's whole output.</param>
public sealed record WrkResult(
    double P50Ms, double P99Ms, double RequestsPerSecond, long Requests, long Non2xx, long SocketErrors, string CheckLine, string Output);
