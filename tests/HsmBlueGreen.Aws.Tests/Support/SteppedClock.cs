namespace HsmBlueGreen.Aws.Tests.Support;

/// <summary>
/// A clock that moves only when told: <see cref="FireNext"/> jumps to the earliest pending timer (an attempt's
/// timeout) and fires it, so a test decides when a silent endpoint "has waited long enough" without sleeping.
/// </summary>
internal sealed class SteppedClock : TimeProvider
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);
    private readonly object gate = new();
    private readonly List<StepTimer> pending = [];
    private TimeSpan elapsed;

    public TimeSpan Elapsed
    {
        get
        {
            lock (gate)
            {
                return elapsed;
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => Start + Elapsed;

    public override long GetTimestamp() => Elapsed.Ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void Advance(TimeSpan span)
    {
        lock (gate)
        {
            elapsed += span;
        }
    }

    /// <summary>Moves the time to the earliest pending timer and fires it; nothing when none is pending.</summary>
    public void FireNext()
    {
        StepTimer? next;
        lock (gate)
        {
            next = pending.MinBy(t => t.Due);
            if (next is null)
            {
                return;
            }

            pending.Remove(next);
            elapsed = next.Due > elapsed ? next.Due : elapsed;
        }

        next.Fire();
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new StepTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class StepTimer(SteppedClock clock, TimerCallback callback, object? state) : ITimer
    {
        public TimeSpan Due { get; private set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock.gate)
            {
                clock.pending.Remove(this);
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    Due = clock.elapsed + dueTime;
                    clock.pending.Add(this);
                }
            }

            return true;
        }

        public void Dispose() => Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
