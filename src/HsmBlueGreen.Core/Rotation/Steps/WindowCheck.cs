using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>Maintenance-window preflight: a fresh run starts only inside the window (a resume may finish outside it).</summary>
internal static class WindowCheck
{
    public static StepResult Inside(RotationRun run)
    {
        var window = run.Plan.Window ?? throw new InvalidOperationException("the plan refuses maintenance-window without a window");
        var now = run.Clock.GetUtcNow();
        if (window.Containing(now) is not { } open)
        {
            var next = window.NextStart(now) is { } start ? $" The next one starts {Stamp(start)}." : string.Empty;
            return StepResult.BadInput($"{Stamp(now)} is outside the maintenance window ({window}); nothing was changed.{next} Fix: run again inside the window, or pass --window-start/--window-duration for an agreed one.");
        }

        run.Record(EventKinds.Check, $"inside the maintenance window until {Stamp(open.End)}: {run.Source.Key()}'s clients stop now and must be gone by then", new Dictionary<string, string> { ["windowEnd"] = Stamp(open.End) });
        return StepResult.Continue;
    }

    /// <summary>How long the serving slot's clients may take to drain: the rest of the window, never more than the health timeout.</summary>
    public static TimeSpan DrainLimit(RotationRun run)
    {
        var limit = run.Plan.Options.HealthTimeout;
        if (run.Plan.Window?.Containing(run.Clock.GetUtcNow()) is { } open)
        {
            var rest = open.End - run.Clock.GetUtcNow();
            return rest < limit ? rest : limit;
        }

        return limit;
    }

    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
