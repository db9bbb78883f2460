using System.Globalization;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Run;

namespace HsmBlueGreen.Rotate.Rotation.View;

/// <summary>
/// What the live view shows of one run, folded from its events alone (so `status --watch` can build the same view from
/// the journal): the step, set and read-back weights, the bake, each gate's latest verdict, the counts a waiting step
/// sees, and the end. Thread-safe: the run applies events while the terminal redraws.
/// </summary>
internal sealed class RunView
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, GateLine> gates = new(StringComparer.Ordinal);
    private RunViewState state = new();

    public void Apply(RotationEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (gate)
        {
            state = Next(state, entry);
            if (entry.Kind == EventKinds.Gate && entry.Field("gate") is { } name)
            {
                gates[name] = new GateLine(name, entry.Field("verdict") ?? string.Empty, Detail(entry), state.SetPercent ?? state.BakePercent);
            }
        }
    }

    public RunViewState Snapshot()
    {
        lock (gate)
        {
            return state with { Gates = [.. gates.Values] };
        }
    }

    private static RunViewState Next(RunViewState s, RotationEvent e) => e.Kind switch
    {
        EventKinds.RunStarted => new RunViewState
        {
            RunId = e.RunId,
            StartedAt = e.At,
            Title = $"hsm-rotate {e.Message}",
            Source = e.Field("source"),
            Target = e.Field("target"),
        },
        EventKinds.StepStarted or EventKinds.StepSkipped => s with
        {
            Step = e.Step,
            StepTitle = e.Kind == EventKinds.StepStarted ? e.Message : $"{e.Step}: already done",
            StepIndex = Int(e, "index") ?? s.StepIndex,
            StepCount = Int(e, "of") ?? s.StepCount,
            StepStartedAt = e.At,
            RestAtStepStart = Int(e, "restSeconds") is { } rest ? TimeSpan.FromSeconds(rest) : s.RestAtStepStart,
            BakeEndsAt = null,
            Waiting = null,
        },
        EventKinds.Call when e.Field("api") == "elbv2:ModifyListener" && Int(e, "target") is { } set => s with { SetPercent = set },
        EventKinds.Weights => s with { ReadBack = (Int(e, "blue") ?? 0, Int(e, "green") ?? 0) },
        EventKinds.Bake when Int(e, "remainingSeconds") is { } left => s with { BakeEndsAt = e.At + TimeSpan.FromSeconds(left), BakePercent = Int(e, "target") },
        EventKinds.Waiting => s with { Waiting = e.Message },
        EventKinds.Gate when e.Field("gate") == "targets-healthy" => s with { Health = Detail(e) },
        EventKinds.Rollback => s with { Alert = e.Message },
        EventKinds.Paused => s with { Alert = e.Message },
        EventKinds.Finished => s with { EndedAt = e.At, Outcome = nameof(RotationOutcome.Done), Alert = e.Message },
        EventKinds.Stopped => s with { EndedAt = e.At, Outcome = e.Field("outcome"), Alert = e.Message },
        EventKinds.Ended => s with { EndedAt = s.EndedAt ?? e.At, Outcome = s.Outcome ?? e.Field("outcome"), ExitCode = Int(e, "exitCode") },
        _ => s,
    };

    /// <summary>A gate event's message is "gate: verdict - detail"; the view has columns for the first two.</summary>
    private static string Detail(RotationEvent e) =>
        e.Message.IndexOf(" - ", StringComparison.Ordinal) is var at and >= 0 ? e.Message[(at + 3)..] : e.Message;

    private static int? Int(RotationEvent e, string field) =>
        int.TryParse(e.Field(field), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}

/// <summary>A gate's latest verdict, its detail (the value against its limit) and the target's weight it was judged at.</summary>
internal sealed record GateLine(string Gate, string Verdict, string Detail, int? AtPercent);

/// <summary>One moment of the live view.</summary>
internal sealed record RunViewState
{
    public string? RunId { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public string? Title { get; init; }

    public string? Source { get; init; }

    public string? Target { get; init; }

    public string? Step { get; init; }

    public string? StepTitle { get; init; }

    public int StepIndex { get; init; }

    public int StepCount { get; init; }

    public DateTimeOffset? StepStartedAt { get; init; }

    public TimeSpan? RestAtStepStart { get; init; }

    /// <summary>The target slot's percent last requested from the listener.</summary>
    public int? SetPercent { get; init; }

    /// <summary>The listener's weights as last read back (blue, green).</summary>
    public (int Blue, int Green)? ReadBack { get; init; }

    public DateTimeOffset? BakeEndsAt { get; init; }

    public int? BakePercent { get; init; }

    public string? Waiting { get; init; }

    public string? Health { get; init; }

    public string? Alert { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public string? Outcome { get; init; }

    public int? ExitCode { get; init; }

    public IReadOnlyList<GateLine> Gates { get; init; } = [];

    public bool Ended => EndedAt is not null;

    public TimeSpan Elapsed(DateTimeOffset now) => StartedAt is { } start ? (EndedAt ?? now) - start : TimeSpan.Zero;

    /// <summary>The plan's typical time from the current step on, less what this step has already taken; never below the bake still to go.</summary>
    public TimeSpan? Rest(DateTimeOffset now)
    {
        if (Ended)
        {
            return TimeSpan.Zero;
        }

        if (RestAtStepStart is not { } rest || StepStartedAt is not { } started)
        {
            return null;
        }

        var left = rest - (now - started);
        var bake = BakeLeft(now) ?? TimeSpan.Zero;
        return left > bake ? left : bake;
    }

    public TimeSpan? BakeLeft(DateTimeOffset now) =>
        BakeEndsAt is { } end && !Ended ? (end > now ? end - now : TimeSpan.Zero) : null;
}
