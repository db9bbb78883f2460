using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Plan;

namespace HsmBlueGreen.Core.Rotation;

/// <summary>Every port a rotation touches, in one record so the CLI gets them from a single factory.</summary>
public sealed record RotationPorts(
    ICallerIdentity Identity,
    IStackControl Stack,
    IClusterControl Clusters,
    ILoadBalancer LoadBalancer,
    IMetrics Metrics,
    ISecretStore Secrets,
    IRotationLock Lock,
    IAppGroups AppGroups,
    IHsmUserCommands HsmUsers)
{
    /// <summary>The smoke check through the target's test route; needed only when a run asks for one (--smoke-path).</summary>
    public ISmokeCheck? SmokeCheck { get; init; }

    /// <summary>Where the run's record lives (beside the lease), so another machine can continue the run.</summary>
    public required IRunRecordStore RunRecords { get; init; }
}
