using System.Globalization;

namespace ChestXCds.LoadTest;

/// <summary>CPU time (ms) of the target server process, of this process (the WireMock FHIR server lives here) and of the whole machine.</summary>
public readonly record struct CpuSnapshot(double TargetMs, double ThisProcessMs, double MachineBusyMs, double WallMs)
{
    public static CpuSnapshot Take(int? targetPid) => new(
        ProcessCpu.Milliseconds(targetPid),
        ProcessCpu.Milliseconds(Environment.ProcessId),
        ProcessCpu.MachineBusyMilliseconds(),
        Environment.TickCount64);

    public static CpuSnapshot operator -(CpuSnapshot a, CpuSnapshot b) =>
        new(a.TargetMs - b.TargetMs, a.ThisProcessMs - b.ThisProcessMs, a.MachineBusyMs - b.MachineBusyMs, a.WallMs - b.WallMs);

    public CpuSnapshot Subtract(CpuSnapshot other) => this - other;

    public string Describe(string run, string target, long requests) => string.Create(CultureInfo.InvariantCulture,
        $"CPU during the {run} ({WallMs / 1000:0.0} s): {target} {TargetMs / 1000:0.0} s ({TargetMs / Math.Max(requests, 1):0.00} ms/request, {TargetMs / WallMs:0.00} cores), "
        + $"bench process with the WireMock FHIR server {ThisProcessMs / 1000:0.0} s ({ThisProcessMs / Math.Max(requests, 1):0.00} ms/request), "
        + $"whole machine busy {MachineBusyMs / WallMs:0.00} of {Environment.ProcessorCount} cores");
}
