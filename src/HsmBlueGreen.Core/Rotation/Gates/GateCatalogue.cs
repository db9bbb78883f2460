using System.Globalization;
using HsmBlueGreen.Core.Rotation.Plan;

namespace HsmBlueGreen.Core.Rotation.Gates;

/// <summary>Every gate, in the order it is judged: the one place a new gate is listed. The first failure stops the rest.</summary>
public static class GateCatalogue
{
    internal static IReadOnlyList<IGate> All { get; } =
    [
        new TargetHealthGate(),
        MetricsGate.ErrorRate,
        MetricsGate.LoadBalancerErrorRate,
        MetricsGate.Latency,
        new HsmProbeGate(),
    ];

    /// <summary>Each gate's limits when the command line sets none.</summary>
    public static GateSpecs Defaults { get; } = new([.. All.Select(g => g.Default)]);

    public static IReadOnlyList<string> Names => [.. All.Select(g => g.Name)];

    /// <summary>The gates judged on every bake tick, by name, in order.</summary>
    public static IReadOnlyList<string> TickNames(RotationOptions options) => [.. WithSpecs(options).Where(g => g.Spec.Judged == GateTiming.EveryBakeTick).Select(g => g.Gate.Name)];

    /// <summary>Each gate's name, what it accepts and its limits, from its spec in the plan's options, as `plan` prints them.</summary>
    public static IEnumerable<(string Name, string Rule, GateSpec Spec)> Rules(RotationPlan plan) =>
        WithSpecs(plan.Options).Select(g => (g.Gate.Name, g.Gate.Rule(g.Spec, plan), g.Spec));

    /// <summary>
    /// The gates' limits in one line, as `status` prints them from the run record: each threshold, the request minimum
    /// and the errors in a row each gate takes before it counts as inconclusive.
    /// </summary>
    public static string Limits(RotationOptions options)
    {
        var gates = WithSpecs(options).ToList();
        var thresholds = gates.Where(g => g.Gate.Threshold(g.Spec) is not null).Select(g => $"{g.Gate.Name} <= {g.Gate.Threshold(g.Spec)}");
        var minimum = gates.Select(g => g.Spec.MinRequests).FirstOrDefault(m => m is not null) is { } min ? $", min requests {min.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
        var errors = string.Join(", ", gates.Select(g => $"{g.Gate.Name} {g.Spec.ConsecutiveErrorLimit.ToString(CultureInfo.InvariantCulture)}"));
        return $"{string.Join(", ", thresholds)}{minimum}, errors in a row: {errors}";
    }

    /// <summary>Each gate with what it reads, as `plan` prints it under a judge step.</summary>
    internal static IEnumerable<string> Describe(RotationPlan plan) => All.Select(g => g.Describe(plan));

    /// <summary>The gates judged on every bake tick with what they read, as `plan` prints them under a bake step.</summary>
    internal static IEnumerable<string> DescribeTicks(RotationPlan plan) =>
        WithSpecs(plan.Options).Where(g => g.Spec.Judged == GateTiming.EveryBakeTick).Select(g => g.Gate.Describe(plan));

    internal static IEnumerable<(IGate Gate, GateSpec Spec)> WithSpecs(RotationOptions options) =>
        All.Select(g => (g, options.Gates.For(g)));
}
