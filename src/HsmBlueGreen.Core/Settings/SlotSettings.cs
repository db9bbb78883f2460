using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Settings;

/// <summary>
/// One slot: its cluster (an existing one, or one restored from a backup), the crypto user its
/// application logs in as, and how many application instances it runs. The slot about to be rotated
/// runs none, because a CloudHSM user's password cannot change while any session of that user is open.
/// </summary>
public sealed record SlotSettings(Color Color, ClusterSource Cluster, string CryptoUser, int ClientCount)
{
    /// <summary>
    /// Set by `hsm-rotate retire` before the slot is removed (`slots.&lt;color&gt;.retiring`): the slot's restored cluster
    /// loses its protection and is tagged as retiring, the one tag under which the deny statements allow its deletion.
    /// </summary>
    public bool Retiring { get; init; }
}

/// <summary>Where a slot's cluster comes from.</summary>
public abstract record ClusterSource
{
    private ClusterSource()
    {
    }

    /// <summary>A cluster that already exists: the infrastructure program reads it with `get:`.</summary>
    public sealed record Existing(string ClusterId) : ClusterSource;

    /// <summary>A new cluster restored from a backup: it keeps the backup's users, keys and passwords.</summary>
    public sealed record FromBackup(string BackupId) : ClusterSource;
}

/// <summary>Listener weights in percent. Always sums to 100 once bound.</summary>
public sealed record TrafficSplit(int Blue, int Green)
{
    public int For(Color color) => color == Color.Blue ? Blue : Green;

    public static TrafficSplit AllOn(Color color) => color == Color.Blue ? new(100, 0) : new(0, 100);

    public bool IsSplit => Blue is > 0 and < 100;

    public override string ToString() => $"blue {Blue}% / green {Green}%";
}

/// <summary>
/// A config string that may be a secret. A secret is never carried as text: the infrastructure program
/// declares its key `secret: true` and references it as `${key}`, so Pulumi keeps it encrypted.
/// </summary>
public sealed record ConfigString(string Key, string? PlainValue)
{
    public bool IsSecret => PlainValue is null;

    public static ConfigString Secret(string key) => new(key, null);

    public static ConfigString Plain(string key, string value) => new(key, value);

    public override string ToString() => PlainValue ?? HsmBlueGreen.Core.Config.RawStackConfig.SecretPlaceholder;
}
