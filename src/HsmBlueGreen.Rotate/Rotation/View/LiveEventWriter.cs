using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Run;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HsmBlueGreen.Rotate.Rotation.View;

/// <summary>
/// On a terminal: preflight (and the confirmation question) as plain lines, then from the first step a live view
/// redrawn on every event and every second, with the decisions (step done, gate verdicts, rollback, pause) still
/// printed above it as lines. Disposing it stops the view, leaving its last frame on screen.
/// </summary>
internal sealed class LiveEventWriter : IRotationEvents, IAsyncDisposable
{
    /// <summary>Ticks the view shows by itself (bake left, elapsed): no line of their own.</summary>
    private static readonly HashSet<string> ViewOnly = new(StringComparer.Ordinal) { EventKinds.Bake, EventKinds.Waiting };

    private readonly IAnsiConsole console;
    private readonly HumanEventWriter lines;
    private readonly TimeProvider clock;
    private readonly RunView view = new();
    private readonly TaskCompletionSource stop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private LiveDisplayContext? live;
    private Task? display;
    private Timer? ticker;

    public LiveEventWriter(IAnsiConsole console, bool verbose, TimeProvider clock)
    {
        this.console = console;
        this.clock = clock;
        lines = new HumanEventWriter(console, verbose);
    }

    public void Emit(RotationEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        view.Apply(entry);
        if (display is null && entry.Kind is EventKinds.StepStarted or EventKinds.StepSkipped)
        {
            Start();
        }

        if (display is null || !ViewOnly.Contains(entry.Kind))
        {
            lines.Emit(entry);
        }

        Refresh();
    }

    public async ValueTask DisposeAsync()
    {
        if (ticker is not null)
        {
            await ticker.DisposeAsync().ConfigureAwait(false);
        }

        Refresh();
        stop.TrySetResult();
        if (display is not null)
        {
            await display.ConfigureAwait(false);
        }

        lock (gate)
        {
            live = null;
        }
    }

    private void Start()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        display = console.Live(new Frame(view, clock)).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).StartAsync(async context =>
        {
            lock (gate)
            {
                live = context;
            }

            started.TrySetResult();
            await stop.Task.ConfigureAwait(false);
        });
        // The first frame before the run goes on, so the view's lines never interleave with a half-started display.
        started.Task.Wait(TimeSpan.FromSeconds(5));
        // The screen's own cadence, not the run's time (each frame reads the run's clock): a wall-clock timer.
        ticker = new Timer(_ => Refresh(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    private void Refresh()
    {
        lock (gate)
        {
            live?.Refresh();
        }
    }

    /// <summary>Rendered afresh at every redraw from the view's current state and the clock.</summary>
    private sealed class Frame(RunView view, TimeProvider clock) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth) => Current().Measure(options, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) => Current().Render(options, maxWidth);

        private IRenderable Current() => RunViewRenderer.Render(view.Snapshot(), clock.GetUtcNow());
    }
}
