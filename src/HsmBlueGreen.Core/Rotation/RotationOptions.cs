namespace HsmBlueGreen.Core.Rotation;

/// <summary>
/// How a rotation shifts and judges traffic. Parsed once at the edge; <paramref name="PauseAt"/> is a weight of
/// <paramref name="Steps"/> after which the run waits for `hsm-rotate promote`.
/// </summary>
public sealed record RotationOptions(
    WeightSchedule Steps,
    TimeSpan Bake,
    TimeSpan Settle,
    GateThresholds Thresholds,
    int? PauseAt,
    TimeSpan HealthTimeout,
    TimeSpan PollInterval,
    TimeSpan LeaseDuration,
    int MaxGateErrors)
{
    /// <summary>green-cluster unless --strategy says otherwise.</summary>
    public Strategy Strategy { get; init; } = Strategy.GreenCluster;

    /// <summary>
    /// How many application instances to start on the target (--client-count). Null means the serving slot's count
    /// from the stack; a resume takes the interrupted run's, because a maintenance-window run has set that slot's
    /// count to 0 in the stack by then.
    /// </summary>
    public int? ClientCount { get; init; }

    /// <summary>--window-start/--window-duration; null means the stack's maintenanceWindow.</summary>
    public MaintenanceWindow? Window { get; init; }

    public static RotationOptions Default { get; } = new(
        WeightSchedule.Default,
        Bake: TimeSpan.FromMinutes(5),
        Settle: TimeSpan.FromSeconds(30),
        GateThresholds.Default,
        PauseAt: null,
        HealthTimeout: TimeSpan.FromMinutes(15),
        PollInterval: TimeSpan.FromSeconds(15),
        LeaseDuration: TimeSpan.FromMinutes(30),
        MaxGateErrors: 3);

    /// <summary>Checks the pause weight against the schedule: pausing at a weight the run never sets would never pause.</summary>
    public RotationOptions Validated()
    {
        if (PauseAt is { } pause && !Steps.Percents.Contains(pause))
        {
            throw new RotationInputException($"--pause-at {pause} is not one of the steps ({Steps}). Fix: pause at one of them, e.g. --pause-at {Steps.Percents[0]}.");
        }

        return this;
    }
}

/// <summary>What a weight step's gates accept from the target slot's target group.</summary>
public sealed record GateThresholds(double Max5xxRate, TimeSpan MaxLatency, long MinRequests)
{
    public static GateThresholds Default { get; } = new(Max5xxRate: 0.01, MaxLatency: TimeSpan.FromSeconds(1), MinRequests: 1);
}
