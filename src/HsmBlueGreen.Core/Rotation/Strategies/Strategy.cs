using HsmBlueGreen.Core.Rotation.Plan;

namespace HsmBlueGreen.Core.Rotation.Strategies;

/// <summary>How a rotation gets a slot whose crypto user has a new password (DESIGN.md, "The step program").</summary>
public enum Strategy
{
    /// <summary>A new cluster restored from the serving cluster's backup; its copy of the user gets the new password.</summary>
    GreenCluster,

    /// <summary>Both slots on one cluster with two crypto users; each rotation changes the user that serves no traffic.</summary>
    DualUser,

    /// <summary>One slot: stop its clients inside a planned window, change the password, start them again.</summary>
    MaintenanceWindow,
}

public static class StrategyKeys
{
    public static IReadOnlyList<Strategy> All { get; } = Enum.GetValues<Strategy>();

    /// <summary>The name on the command line and in the journal.</summary>
    public static string Key(this Strategy strategy) => RotationStrategies.For(strategy).Key;

    public static Strategy Parse(string text)
    {
        foreach (var strategy in All)
        {
            if (string.Equals(strategy.Key(), text, StringComparison.Ordinal))
            {
                return strategy;
            }
        }

        throw new RotationInputException($"--strategy '{text}' is not a strategy. Fix: use one of {string.Join(", ", All.Select(s => s.Key()))}.");
    }
}
