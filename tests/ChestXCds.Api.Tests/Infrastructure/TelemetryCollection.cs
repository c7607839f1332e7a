namespace ChestXCds.Api.Tests.Infrastructure;

/// <summary>
/// ActivitySources and Meters are process-wide: tests that read exported telemetry run alone, so that no
/// other test's host exports into their collections while they read them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
