namespace HsmBlueGreen.Core.Rotation.Gates;

/// <summary>
/// Every gate's limits, by name, as the options and the run record carry them. Equal when the specs are, in order,
/// so options read back from the record compare equal to the ones written.
/// </summary>
public sealed record GateSpecs(IReadOnlyList<GateSpec> Each)
{
    /// <summary>The named gate's limits.</summary>
    public GateSpec this[string name] =>
        Find(name) ?? throw new ArgumentOutOfRangeException(nameof(name), name, "no gate has this name");

    /// <summary>These limits with <paramref name="change"/> applied to every gate's.</summary>
    public GateSpecs With(Func<GateSpec, GateSpec> change) => new([.. Each.Select(change)]);

    public bool Equals(GateSpecs? other) => other is not null && Each.SequenceEqual(other.Each);

    public override int GetHashCode() => Each.Aggregate(0, HashCode.Combine);

    /// <summary>
    /// The gate's limits, or its defaults when these hold none (a record written before the gate existed): a new
    /// gate never stops an older run from resuming.
    /// </summary>
    internal GateSpec For(IGate gate) => Find(gate.Name) ?? gate.Default;

    private GateSpec? Find(string name) => Each.FirstOrDefault(g => string.Equals(g.Name, name, StringComparison.Ordinal));
}
