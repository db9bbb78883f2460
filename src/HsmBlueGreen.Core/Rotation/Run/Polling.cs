namespace HsmBlueGreen.Core.Rotation.Run;

/// <summary>Waits on the run's clock until a condition read from AWS holds, or a deadline passes.</summary>
internal static class Polling
{
    public static async Task<bool> UntilAsync(RotationRun run, TimeSpan timeout, TimeSpan interval, Func<Task<bool>> condition)
    {
        var deadline = run.Clock.GetUtcNow() + timeout;
        while (true)
        {
            if (await condition().ConfigureAwait(false))
            {
                return true;
            }

            if (run.Clock.GetUtcNow() >= deadline)
            {
                return false;
            }

            await run.WaitAsync(interval).ConfigureAwait(false);
        }
    }
}
