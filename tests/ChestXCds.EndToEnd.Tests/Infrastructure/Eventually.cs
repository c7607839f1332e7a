namespace ChestXCds.EndToEnd.Tests.Infrastructure;

/// <summary>Polls until a condition holds, for work that finishes in the background (bounded in count and time).</summary>
public static class Eventually
{
    public static async Task<T> Async<T>(Func<Task<T>> attempt, Func<T, bool> done, int attempts = 120, int delayMilliseconds = 500)
    {
        var last = await attempt();
        for (var i = 1; i < attempts && !done(last); i++)
        {
            await Task.Delay(delayMilliseconds);
            last = await attempt();
        }

        return last;
    }

    public static async Task<bool> TrueAsync(Func<bool> condition, int attempts = 120, int delayMilliseconds = 500)
    {
        for (var i = 0; i < attempts; i++)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(delayMilliseconds);
        }

        return condition();
    }
}
