namespace HsmBlueGreen.Aws.Http;

/// <summary>
/// Retries with full-jitter exponential backoff and a bound on both attempts and total waiting, so a
/// throttled or failing service cannot hold a rotation step for long. <see cref="Delay"/> is injected
/// so tests record the waits instead of sleeping.
/// </summary>
public sealed record RetryPolicy(
    int MaxAttempts,
    TimeSpan BaseDelay,
    TimeSpan MaxDelay,
    TimeSpan MaxTotalDelay,
    TimeSpan AttemptTimeout,
    Func<double> Jitter,
    Func<TimeSpan, CancellationToken, Task> Delay)
{
    public static RetryPolicy Default(TimeProvider clock) => new(
        MaxAttempts: 5,
        BaseDelay: TimeSpan.FromMilliseconds(200),
        MaxDelay: TimeSpan.FromSeconds(5),
        MaxTotalDelay: TimeSpan.FromSeconds(20),
        AttemptTimeout: TimeSpan.FromSeconds(30),
        Jitter: Random.Shared.NextDouble,
        Delay: (delay, token) => Task.Delay(delay, clock, token));

    /// <summary>The wait before retry number <paramref name="retry"/> (1-based), or null when the bounds say stop.</summary>
    public TimeSpan? NextDelay(int retry, TimeSpan waitedSoFar)
    {
        if (retry >= MaxAttempts)
        {
            return null;
        }

        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, retry - 1));
        var delay = TimeSpan.FromMilliseconds(ceiling * Jitter());
        return waitedSoFar + delay > MaxTotalDelay ? null : delay;
    }
}
