using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Record;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Run;

/// <summary>
/// One run's fixed context: the plan, the ports, the clock, where it reports and what the command line set. What the
/// run learns from AWS (stack outputs, tokens, who is acting) is not kept here: preflight returns it as an
/// <see cref="Observation"/> that the steps are handed.
/// </summary>
public sealed class RotationRun(
    RotationPlan plan,
    RotationPorts ports,
    TimeProvider clock,
    IRotationJournal journal,
    IRotationEvents events,
    string runId,
    CancellationToken cancellationToken)
{
    public RotationPlan Plan { get; } = plan;

    public RotationPorts Ports { get; } = ports;

    public TimeProvider Clock { get; } = clock;

    public IRotationJournal Journal { get; } = journal;

    public string RunId { get; } = runId;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public string Stack => Plan.Settings.Stack;

    public Color Source => Plan.Source;

    public Color Target => Plan.Target;

    /// <summary>
    /// The step the journal's next events belong to. Mutable because it is the run's position, which the runner (and
    /// each operation) moves as it goes; every event is tagged with it, including those the AWS adapters record.
    /// </summary>
    public string? CurrentStep { get; set; }

    /// <summary>Set by `resume --acknowledge-login-failure`: the operator has checked the user after a failed login.</summary>
    public bool LoginFailureAcknowledged { get; init; }

    /// <summary>Set by `promote`: the weight whose pause (manual or inconclusive gate) the operator approved.</summary>
    public int? PromotedAt { get; init; }

    /// <summary>
    /// The run's record as last read from or written to AWS; null until a command reads it or the runner writes it.
    /// Mutable because it mirrors state kept in AWS that the run itself changes (each step, a pause, the clients' stop
    /// time): every write starts from the last one, whichever step made it.
    /// </summary>
    public RunRecord? SavedRecord { get; set; }

    public void Record(string kind, string message, IReadOnlyDictionary<string, string>? data = null)
    {
        var entry = new RotationEvent(Clock.GetUtcNow(), RunId, kind, CurrentStep, message, data);
        Journal.Append(entry);
        events.Emit(entry);
    }

    /// <summary>Records an AWS call before it is made, so the journal shows what was attempted even if it then fails.</summary>
    public void Call(string api, string message, IReadOnlyDictionary<string, string>? data = null)
    {
        var fields = new Dictionary<string, string>(data ?? new Dictionary<string, string>(), StringComparer.Ordinal) { ["api"] = api };
        Record(EventKinds.Call, message, fields);
    }

    public Task WaitAsync(TimeSpan span) =>
        span <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(span, Clock, CancellationToken);
}
