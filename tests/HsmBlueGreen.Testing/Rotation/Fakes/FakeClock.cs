namespace HsmBlueGreen.Core.Tests.Rotation.Fakes;

/// <summary>
/// A clock that jumps: every timer fires at once (on the thread pool) and moves the time forward by its due time,
/// so a rotation with 5-minute bakes runs in milliseconds while the run still sees the minutes pass. A timeout
/// (a CancellationTokenSource's timer) never fires: every faked call answers at once, so none is ever reached.
/// </summary>
public sealed class FakeClock : TimeProvider
{
    private readonly object gate = new();
    private DateTimeOffset now;

    public FakeClock(DateTimeOffset? start = null) => now = start ?? new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);

    public TimeSpan Waited { get; private set; }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public void Advance(TimeSpan span)
    {
        lock (gate)
        {
            now += span;
            Waited += span;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new JumpTimer(this, callback, state, state is CancellationTokenSource ? Timeout.InfiniteTimeSpan : dueTime);

    private sealed class JumpTimer : ITimer
    {
        private readonly FakeClock clock;
        private readonly TimerCallback callback;
        private readonly object? state;
        private int generation;

        public JumpTimer(FakeClock clock, TimerCallback callback, object? state, TimeSpan dueTime)
        {
            (this.clock, this.callback, this.state) = (clock, callback, state);
            Change(dueTime, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var mine = Interlocked.Increment(ref generation);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                ThreadPool.QueueUserWorkItem(_ =>
                {
                    if (Volatile.Read(ref generation) == mine)
                    {
                        clock.Advance(dueTime);
                        callback(state);
                    }
                });
            }

            return true;
        }

        public void Dispose() => Interlocked.Increment(ref generation);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
