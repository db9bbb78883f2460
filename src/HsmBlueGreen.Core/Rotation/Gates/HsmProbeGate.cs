using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Steps;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Gates;

/// <summary>
/// One login with the target secret's AWSCURRENT through the remote command port on the target's admin host
/// (which sits in the slot's client security group). A refused login fails the gate and is never retried.
/// </summary>
internal sealed class HsmProbeGate : IGate
{
    public string Name => Default.Name;

    public GateSpec Default { get; } = new("hsm-login", Threshold: null, ConsecutiveErrorLimit: 3, GateTiming.AfterBake);

    public string Describe(RotationPlan plan) => $"{Name}: ssm:SendCommand cloudhsm-cli login as {plan.TargetSlot.CryptoUser} with AWSCURRENT on {plan.Target.Key()}'s admin host, then logout (a refusal is never retried)";

    public string? Threshold(GateSpec spec) => null;

    public string Rule(GateSpec spec, RotationPlan plan) => $"one login as {plan.TargetSlot.CryptoUser} with {plan.Target.Key()}'s AWSCURRENT on its admin host; a refusal is never retried";

    public async Task<GateResult> JudgeAsync(RotationRun run, StackObservation observed, GateSpec spec, DateTimeOffset windowStart)
    {
        var target = observed.TargetUser(run.Plan);
        run.Call("ssm:SendCommand", $"cloudhsm-cli login as {target.CryptoUser} with AWSCURRENT on {target.InstanceId}, then logout", new Dictionary<string, string> { ["instance"] = target.InstanceId, ["cluster"] = target.ClusterId });
        var result = await run.Ports.HsmUsers.LoginAsync(target, SecretVersionRef.ByStage(SecretStages.Current), run.CancellationToken).ConfigureAwait(false);
        return result.Outcome switch
        {
            HsmCommandOutcome.Succeeded => new(Name, GateVerdict.Successful, $"{target.CryptoUser} logged in on {target.ClusterId}"),
            _ when HsmFailures.IsLoginFailure(result.Outcome) => new(Name, GateVerdict.Failed, $"login refused: {result.Outcome} ({result.Detail})", LoginFailed: true),
            HsmCommandOutcome.HostUnavailable or HsmCommandOutcome.ClusterUnreachable or HsmCommandOutcome.ClusterNotActive => new(Name, GateVerdict.Error, $"{result.Outcome} ({result.Detail})"),
            _ => new(Name, GateVerdict.Failed, $"{result.Outcome} ({result.Detail})"),
        };
    }
}

/// <summary>Judged last: it logs in on the target's cluster, the one gate that spends an HSM call.</summary>
public static partial class GateCatalogue
{
    internal static readonly IGate HsmProbeRegistration = Register(50, new HsmProbeGate());
}
