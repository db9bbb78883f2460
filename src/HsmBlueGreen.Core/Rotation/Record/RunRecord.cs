using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Strategies;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Record;

/// <summary>
/// A run's own state, kept in AWS so `status`, `promote`, `resume` and `abort` work from any machine: the options it
/// runs with (every gate limit included), its steps and their hash, the step it is at, and why it waits
/// (argo-rollouts' RolloutStatus: CurrentStepIndex, CurrentStepHash, PauseConditions, Abort).
/// </summary>
/// <param name="CurrentStepIndex">Index in <paramref name="Steps"/> of the step the run is working on; the last ("done") once finished.</param>
public sealed record RunRecord(
    string RunId,
    Color Source,
    Color Target,
    RotationOptions Options,
    IReadOnlyList<string> Steps,
    string StepsHash,
    int CurrentStepIndex,
    DateTimeOffset StartedAt)
{
    /// <summary>Set while the run waits for `promote` (--pause-at or an inconclusive gate).</summary>
    public RunPause? Pause { get; init; }

    /// <summary>maintenance-window: when the serving slot's clients were scaled to zero, so a resume still measures the downtime.</summary>
    public DateTimeOffset? ClientsDownAt { get; init; }

    /// <summary>
    /// A time by which the new password had landed on the target's cluster: when set-password ended, or (if a crash lost
    /// that) when the secret was promoted. CloudHSM's daily backup may fall between AWSPENDING's creation and the change,
    /// and such a backup holds the old password; only one taken after this time can seed the next rotation.
    /// </summary>
    public DateTimeOffset? PasswordChangedBy { get; init; }

    /// <summary>
    /// When the listener first read the target at 100%: the source takes no new connections from then, so `retire`
    /// measures the source's drain time from it on any machine, not only the one whose journal saw the weights move.
    /// </summary>
    public DateTimeOffset? SourceDrainingSince { get; init; }

    /// <summary>Set by `abort`: traffic was put back; the run has no pause to promote and a resume starts it over with a new record.</summary>
    public bool Aborted { get; init; }

    [JsonIgnore]
    public string StrategyKey => Options.StrategyKey;

    [JsonIgnore]
    public bool Finished => CurrentStepIndex >= Steps.Count - 1;

    /// <summary>Where the run is, counted as the live view counts it (preflight is step 1; the closing "done" is no step).</summary>
    [JsonIgnore]
    public string Position => Finished
        ? $"all {Steps.Count - 1} steps done"
        : $"{CurrentStepIndex + 1} of {Steps.Count - 1}: {Steps[CurrentStepIndex]}";

    /// <summary>A new record for a plan about to run; its options carry the client count the plan resolved.</summary>
    public static RunRecord For(RotationPlan plan, string runId, DateTimeOffset startedAt) =>
        new(runId, plan.Source, plan.Target, plan.Options with { ClientCount = plan.TargetClientCount }, [.. plan.Steps.Select(s => s.Name)], HashOf(plan.Steps), 0, startedAt);

    /// <summary>
    /// The steps' identity: every field of every step (weights, bakes, pauses, client count), so a resume can tell
    /// whether the command line would build the schedule the run started with.
    /// </summary>
    public static string HashOf(IEnumerable<RotationStep> steps)
    {
        var text = string.Join('\n', steps.Select(s => s.ToString()));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    /// <summary>Why a resume must not run <paramref name="plan"/> in this run's place, or null when it may.</summary>
    public string? ResumeRefusal(RotationPlan plan, string stack, bool rescheduleAllowed)
    {
        // An aborted run's schedule binds nothing: a resume then starts it over (e.g. after an acknowledged failed login).
        if (Aborted || rescheduleAllowed || string.Equals(HashOf(plan.Steps), StepsHash, StringComparison.Ordinal))
        {
            return null;
        }

        var asked = string.Join(", ", plan.Steps.Select(s => s.Name));
        return $"the steps would change: run {RunId} runs [{string.Join(", ", Steps)}] (steps hash {StepsHash}), this command line builds [{asked}] (steps hash {HashOf(plan.Steps)}). " +
               $"Nothing was changed. Fix: resume without --steps/--pause-at/--bake/--client-count/--smoke-path to keep the run's schedule, add --reschedule to change it on purpose, or 'hsm-rotate abort --stack {stack}' and run again.";
    }
}

/// <summary>A run waiting for `promote`: why, since when, and at which target weight.</summary>
public sealed record RunPause(string Reason, DateTimeOffset At, int Percent);
