using System.Globalization;
using HsmBlueGreen.Core.Rotation.Plan;

namespace HsmBlueGreen.Core.Rotation.Gates;

/// <summary>
/// Every gate, in the order it is judged (the first failure stops the rest). There is no list to edit: each gate's own
/// file registers it here with its place in that order, as a field of this partial class (no reflection, so NativeAOT
/// keeps it), since C# does not specify in which order the fields of several files are initialised.
/// </summary>
public static partial class GateCatalogue
{
    // No initialiser reads the registrations: one here could run before another file's Register.
    private static List<(int Order, IGate Gate)>? registered;
    private static IReadOnlyList<IGate>? all;
    private static GateSpecs? defaults;

    internal static IReadOnlyList<IGate> All => all ??= [.. (registered ?? []).OrderBy(r => r.Order).Select(r => r.Gate)];

    /// <summary>Each gate's limits when the command line sets none.</summary>
    public static GateSpecs Defaults => defaults ??= new([.. All.Select(g => g.Default)]);

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

    /// <summary>Called by each gate's registration field; returns the gate so the field holds it.</summary>
    private static IGate Register(int order, IGate gate)
    {
        (registered ??= []).Add((order, gate));
        return gate;
    }
}
