using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Run;

/// <summary>
/// The stack as a command read it, for the run's two slots: the shared load balancer and both slots' outputs, each
/// present (maintenance-window's one slot is both). Every command on both slots reads it once, through
/// <see cref="ReadAsync"/> and <see cref="Of"/>, and hands it on; retire and status need no more than this.
/// </summary>
public record StackObservation(StackOutputs Outputs, SlotOutputs Source, SlotOutputs Target)
{
    public string ListenerArn => Outputs.ListenerArn;

    /// <summary>The stack's outputs as they are now: the one way every command reads them.</summary>
    public static Task<StackOutputs> ReadAsync(RotationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Ports.Stack.GetOutputsAsync(run.Stack, run.CancellationToken);
    }

    /// <summary>The run's two slots in <paramref name="outputs"/>; null when the stack lacks either (the caller says which, and what to do).</summary>
    public static StackObservation? Of(StackOutputs outputs, RotationRun run)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(run);
        return outputs.Slots.TryGetValue(run.Source, out var source) && outputs.Slots.TryGetValue(run.Target, out var target)
            ? new StackObservation(outputs, source, target)
            : null;
    }

    /// <summary>The target's crypto user, as cloudhsm-cli on the target's admin host reaches it.</summary>
    public HsmUserTarget TargetUser(RotationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new HsmUserTarget(Target.AdminInstanceId, Target.ClusterId, Target.SecretArn, plan.TargetSlot.CryptoUser);
    }

    /// <summary>This observation with a rotation's tokens, which the secret protocol's steps read.</summary>
    public Observation With(RotationTokens tokens) => new(Outputs, Source, Target, tokens);
}
