namespace ChestXCds.LoadTest;

/// <summary>The 1/5/15-minute load averages (as `uptime` shows them), recorded next to every number.</summary>
public static class MachineLoad
{
    public static string Now()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"load average {parts[0]}, {parts[1]}, {parts[2]} ({Environment.ProcessorCount} cores) at {DateTime.UtcNow:HH:mm:ss} UTC";
        }
        catch (IOException)
        {
            return "load average unknown";
        }
    }
}
