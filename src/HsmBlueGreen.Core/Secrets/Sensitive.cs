namespace HsmBlueGreen.Core.Secrets;

/// <summary>
/// A secret string (a password, a whole credential) that refuses to be printed: ToString, string
/// interpolation, records, loggers and exception messages all see "***". Read it only through
/// <see cref="Reveal"/>, at the one place that must hand it to an API.
/// </summary>
public sealed class Sensitive : IEquatable<Sensitive>
{
    public const string Redacted = "***";
    private readonly string value;

    public Sensitive(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        this.value = value;
    }

    public int Length => value.Length;

    public string Reveal() => value;

    public override string ToString() => Redacted;

    public bool Equals(Sensitive? other) => other is not null && string.Equals(value, other.value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Sensitive other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(value);
}
