using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Record;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Run;

/// <summary>
/// One run's context: the plan, the ports, the clock and where it reports. What it learns from AWS on the way
/// (stack outputs, the source credential, the tokens) is kept here in memory only, never written anywhere.
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

    public string? CurrentStep { get; set; }

    /// <summary>Set by `resume --acknowledge-login-failure`: the operator has checked the user after a failed login.</summary>
    public bool LoginFailureAcknowledged { get; init; }

    /// <summary>Set by `promote`: the weight whose pause (manual or inconclusive gate) the operator approved.</summary>
    public int? PromotedAt { get; init; }

    /// <summary>Preflight found an acknowledged failed-login mark; the runner removes it after taking the lock.</summary>
    public bool ClearLoginFailure { get; set; }

    /// <summary>The caller's ARN, read in preflight: the lock's owner, so a refused operator learns who holds it.</summary>
    public string Owner { get; set; } = "unknown caller";

    /// <summary>The run's record as last read from or written to AWS; null until a command reads it or the runner writes it.</summary>
    public RunRecord? SavedRecord { get; set; }

    /// <summary>The counts a waiting step last reported, so it reports only changes.</summary>
    internal IReadOnlyDictionary<string, string>? LastWaiting { get; set; }

    public StackOutputs? Outputs { get; set; }

    public RotationTokens? Tokens { get; set; }

    public SlotOutputs SourceOutputs => Outputs?.Slots[Source] ?? throw new InvalidOperationException("preflight has not read the stack outputs");

    public SlotOutputs TargetOutputs => Outputs?.Slots[Target] ?? throw new InvalidOperationException("preflight has not read the stack outputs");

    public HsmUserTarget TargetUser => new(TargetOutputs.AdminInstanceId, TargetOutputs.ClusterId, TargetOutputs.SecretArn, Plan.TargetSlot.CryptoUser);

    public RotationTokens RequireTokens => Tokens ?? throw new InvalidOperationException("the source secret has not been read");

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
