namespace HsmBlueGreen.Core.Rotation.Run;

/// <summary>
/// One decision, AWS call or progress report of a run: written to the journal and rendered to the operator
/// (human lines or one JSON object per line). Fields hold ids, weights and outcomes, never a secret.
/// </summary>
public sealed record RotationEvent(
    DateTimeOffset At,
    string RunId,
    string Kind,
    string? Step,
    string Message,
    IReadOnlyDictionary<string, string>? Data = null)
{
    public string? Field(string name) => Data?.GetValueOrDefault(name);
}

/// <summary>The kinds of <see cref="RotationEvent"/>, so journal readers and renderers agree on them.</summary>
public static class EventKinds
{
    public const string RunStarted = "run-started";
    public const string StepStarted = "step-started";
    public const string StepSkipped = "step-skipped";
    public const string StepDone = "step-done";
    public const string Call = "call";
    public const string Check = "check";
    public const string Warning = "warning";
    public const string Weights = "weights";
    public const string Bake = "bake";
    public const string Gate = "gate";
    public const string Rollback = "rollback";
    public const string Paused = "paused";
    public const string Promoted = "promoted";
    public const string Stopped = "stopped";
    public const string Finished = "finished";
    public const string Lock = "lock";

    /// <summary>One HTTP request to AWS as sent (every read, write and retry), recorded by the adapters' transport.</summary>
    public const string Request = "request";

    /// <summary>A step waiting on AWS (instances draining or starting, targets turning healthy): the counts it sees.</summary>
    public const string Waiting = "waiting";

    /// <summary>The last event of every command that runs a rotation verb: outcome and exit code, also after a failure or crash.</summary>
    public const string Ended = "ended";
}

/// <summary>The local audit trail (JSON lines, no secrets). AWS state, not this, decides what a resume does.</summary>
public interface IRotationJournal
{
    void Append(RotationEvent entry);

    IReadOnlyList<RotationEvent> ReadAll();
}

/// <summary>Where a run reports to the operator as it goes.</summary>
public interface IRotationEvents
{
    void Emit(RotationEvent entry);
}
