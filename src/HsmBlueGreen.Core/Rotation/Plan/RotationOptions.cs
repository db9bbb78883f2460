using System.Text.Json.Serialization;
using HsmBlueGreen.Core.Rotation.Gates;
using HsmBlueGreen.Core.Rotation.Strategies;

namespace HsmBlueGreen.Core.Rotation.Plan;

/// <summary>
/// How a rotation shifts and judges traffic. Parsed once at the edge; <paramref name="PauseAt"/> is a weight of
/// <paramref name="Steps"/> after which the run waits for `hsm-rotate promote`. <paramref name="Gates"/> holds each
/// gate's limits by name; a gate without an entry judges with its defaults.
/// </summary>
public sealed record RotationOptions(
    WeightSchedule Steps,
    TimeSpan Bake,
    TimeSpan Settle,
    GateSpecs Gates,
    int? PauseAt,
    TimeSpan HealthTimeout,
    TimeSpan PollInterval,
    TimeSpan LeaseDuration)
{
    /// <summary>
    /// The strategy's key (--strategy); the default strategy's unless the command line names another. Kept in the run
    /// record under the name the enum it replaces had, so a record holding an enum name fails loudly, not as the default.
    /// </summary>
    [JsonPropertyName("strategy")]
    public string StrategyKey { get; init; } = RotationStrategies.Default.Key;

    /// <summary>
    /// How many application instances to start on the target (--client-count). Null means the serving slot's count
    /// from the stack; a resume takes the interrupted run's, because a maintenance-window run has set that slot's
    /// count to 0 in the stack by then.
    /// </summary>
    public int? ClientCount { get; init; }

    /// <summary>
    /// --smoke-path: before the first weight step, GET this path through the target's test route from its admin host
    /// and expect 2xx. Null means no smoke check.
    /// </summary>
    public string? SmokePath { get; init; }

    /// <summary>--window-start/--window-duration; null means the stack's maintenanceWindow.</summary>
    public MaintenanceWindow? Window { get; init; }

    public static RotationOptions Default { get; } = new(
        WeightSchedule.Default,
        Bake: TimeSpan.FromMinutes(5),
        Settle: TimeSpan.FromSeconds(30),
        GateCatalogue.Defaults,
        PauseAt: null,
        HealthTimeout: TimeSpan.FromMinutes(15),
        PollInterval: TimeSpan.FromSeconds(15),
        LeaseDuration: TimeSpan.FromMinutes(30));

    /// <summary>Checks the pause weight against the schedule: pausing at a weight the run never sets would never pause.</summary>
    public RotationOptions Validated()
    {
        _ = RotationStrategies.For(StrategyKey);
        if (PauseAt is { } pause && !Steps.Percents.Contains(pause))
        {
            throw new RotationInputException($"--pause-at {pause} is not one of the steps ({Steps}). Fix: pause at one of them, e.g. --pause-at {Steps.Percents[0]}.");
        }

        if (SmokePath is { } path && !SmokePaths.IsValid(path))
        {
            throw new RotationInputException($"--smoke-path '{path}' is not a URL path. Fix: start it with '/' and use only letters, digits and . _ ~ - / %, e.g. --smoke-path /health/hsm.");
        }

        return this;
    }
}
