using HsmBlueGreen.Core.Rotation.Strategies;

namespace HsmBlueGreen.Core.Rotation.Comparison;

/// <summary>
/// One strategy as `plan --compare` shows it for a stack: the downtime, what runs besides the serving slot and for
/// how long, what that costs per hour at the configured prices, what must already be true, and whether it is.
/// </summary>
/// <param name="HourlyCost">Extra cost per hour while it runs; null when a needed price is not configured.</param>
/// <param name="MissingPrice">The price key to set when <paramref name="HourlyCost"/> is null.</param>
/// <param name="NotReady">Why this stack cannot use it as configured; null when it can.</param>
public sealed record ApproachProfile(
    IRotationStrategy Strategy,
    string Downtime,
    string Extra,
    string RunsFor,
    decimal? HourlyCost,
    string? MissingPrice,
    IReadOnlyList<string> Needs,
    string? NotReady)
{
    /// <summary>HSMs it runs besides the serving slot's: of two without downtime, the one with fewer fits better.</summary>
    public int ExtraHsms { get; init; }

    /// <summary>Why to take it when it is the one that fits, as `plan --compare` says it.</summary>
    public required string FitsBecause { get; init; }

    public bool Fits => NotReady is null;

    public bool ZeroDowntime => Strategy.ShiftsTraffic;
}
