namespace HsmBlueGreen.Aws.Http;

/// <summary>
/// Retries with full-jitter exponential backoff, bounded by attempts and by a total budget per call that counts
/// the attempts themselves as well as the waits between them, so a throttled, failing or silent service cannot
/// hold a rotation step for long. <see cref="Delay"/> is injected so tests record the waits instead of sleeping.
/// </summary>
public sealed record RetryPolicy(
    int MaxAttempts,
    TimeSpan BaseDelay,
    TimeSpan MaxDelay,
    TimeSpan TotalBudget,
    TimeSpan AttemptTimeout,
    Func<double> Jitter,
    Func<TimeSpan, CancellationToken, Task> Delay)
{
    /// <summary>How long opening a connection (DNS, TCP, TLS) may take; an attempt's timeout bounds it too.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public static RetryPolicy Default(TimeProvider clock) => new(
        MaxAttempts: 5,
        BaseDelay: TimeSpan.FromMilliseconds(200),
        MaxDelay: TimeSpan.FromSeconds(5),
        TotalBudget: TimeSpan.FromSeconds(20),
        AttemptTimeout: TimeSpan.FromSeconds(10),
        Jitter: Random.Shared.NextDouble,
        Delay: (delay, token) => Task.Delay(delay, clock, token));

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (1-based), or null when the bounds say stop: no attempts
    /// left, or the call has already used <paramref name="elapsed"/> and the wait would reach the budget.
    /// </summary>
    public TimeSpan? NextDelay(int retry, TimeSpan elapsed)
    {
        if (retry >= MaxAttempts)
        {
            return null;
        }

        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, retry - 1));
        var delay = TimeSpan.FromMilliseconds(ceiling * Jitter());
        return elapsed + delay >= TotalBudget ? null : delay;
    }

    /// <summary>The timeout of an attempt that starts when the call has used <paramref name="elapsed"/>: never past the budget.</summary>
    public TimeSpan AttemptTimeoutAfter(TimeSpan elapsed) =>
        TotalBudget - elapsed < AttemptTimeout ? TotalBudget - elapsed : AttemptTimeout;
}
