using System.Collections.Concurrent;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Audit;

/// <summary>How old a backup and a secret's last change may be before the audit fails them.</summary>
public sealed record AuditLimits(TimeSpan BackupMaxAge, TimeSpan SecretMaxAge)
{
    public static readonly AuditLimits Default = new(TimeSpan.FromDays(2), TimeSpan.FromDays(90));
}

/// <summary>The ports an audit reads through; all of them only read (the user list runs `user list` on the admin host).</summary>
public sealed record AuditPorts(IAccountInventory Inventory, IClusterControl Clusters, IHsmUserCommands Users);

/// <summary>
/// One audit of one deployed stack: its outputs, the crypto user of each slot, the time and limits, and
/// the ports. Clusters are described once and shared by the checks that need them.
/// </summary>
public sealed class AuditSession(string region, StackOutputs outputs, IReadOnlyDictionary<Color, string> cryptoUsers, DateTimeOffset now, AuditLimits limits, AuditPorts ports)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ClusterStatus?>>> clusters = new(StringComparer.Ordinal);

    public string Region { get; } = region;

    public StackOutputs Outputs { get; } = outputs;

    public IReadOnlyDictionary<Color, string> CryptoUsers { get; } = cryptoUsers;

    public DateTimeOffset Now { get; } = now;

    public AuditLimits Limits { get; } = limits;

    public AuditPorts Ports { get; } = ports;

    public IEnumerable<(Color Color, SlotOutputs Slot)> Slots => Outputs.Slots.OrderBy(s => s.Key).Select(s => (s.Key, s.Value));

    public Task<ClusterStatus?> ClusterAsync(SlotOutputs slot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return clusters.GetOrAdd(slot.ClusterId, id => new Lazy<Task<ClusterStatus?>>(() => Ports.Clusters.DescribeClusterAsync(id, cancellationToken))).Value;
    }

    /// <summary>Every HSM subnet of every slot's cluster, in slot order.</summary>
    public async Task<IReadOnlyList<string>> HsmSubnetsAsync(CancellationToken cancellationToken)
    {
        var subnets = new List<string>();
        foreach (var (_, slot) in Slots)
        {
            var cluster = await ClusterAsync(slot, cancellationToken).ConfigureAwait(false)
                ?? throw new AuditUnknownException($"cluster {slot.ClusterId} was not found in {Region}");
            subnets.AddRange(cluster.Hsms.Select(h => h.SubnetId).Where(s => !subnets.Contains(s)));
        }

        return subnets;
    }

    /// <summary>The HSM subnets with what EC2 says of those it knows (an unknown id is simply absent from the second list).</summary>
    public async Task<(IReadOnlyList<string> Ids, IReadOnlyList<SubnetInfo> Found)> HsmSubnetDetailsAsync(CancellationToken cancellationToken)
    {
        var ids = await HsmSubnetsAsync(cancellationToken).ConfigureAwait(false);
        return (ids, await Ports.Inventory.DescribeSubnetsAsync(ids, cancellationToken).ConfigureAwait(false));
    }
}

/// <summary>What a check needed could not be read; the check reports cannot-tell with this message.</summary>
public sealed class AuditUnknownException : Exception
{
    public AuditUnknownException(string message)
        : base(message)
    {
    }

    public AuditUnknownException()
    {
    }

    public AuditUnknownException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
