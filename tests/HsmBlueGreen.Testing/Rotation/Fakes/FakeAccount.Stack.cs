using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Tests.Rotation.Fakes;

/// <summary>
/// What `pulumi up` does to the account: it removes a slot taken out of the config, and for a slot the config restores from a backup and the stack has not created it makes
/// a new cluster from that backup (its users with the backup's passwords), HSMs, group, target group, secret without
/// a value. CloudHSM creates a cluster and each HSM in CREATE_IN_PROGRESS; they turn ACTIVE after
/// <see cref="CreationTime"/> (10-20 minutes each in AWS).
/// </summary>
public sealed partial class FakeAccount
{
    private readonly Dictionary<string, DateTimeOffset> activeAt = new(StringComparer.Ordinal);

    public TimeSpan CreationTime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The account after the last cycle retired green: blue serves alone, and its stack config names no green slot.</summary>
    public static FakeAccount GreenRetired(string stack = "test")
    {
        var account = new FakeAccount(stack);
        account.Clusters.Remove(account.Outputs[Color.Green].ClusterId);
        account.Outputs.Remove(Color.Green);
        return account;
    }

    /// <summary>What `pulumi preview` answers; by default the creation of every slot the config names and the stack lacks.</summary>
    public Func<StackPreview>? PreviewAnswer { get; set; }

    /// <summary>What an interrupted `pulumi up` left in the state, as `pulumi stack export` lists it; none by default.</summary>
    public List<PendingOperation> PendingOperations { get; } = [];

    public StackPreview Preview() => PreviewAnswer?.Invoke() ?? new StackPreview([.. PendingSlots().SelectMany(c => new[] { "cluster", "hsm-eu-west-1a", "app", "tg", "secret" }
        .Select(name => new PreviewStep("create", StackResourceNames.Urn(Stack, "aws:any/resource:Resource", StackResourceNames.SlotPrefix(c) + name))))]);

    public void ApplySlots()
    {
        foreach (var color in new[] { Color.Blue, Color.Green }.Where(c => Outputs.ContainsKey(c) && Config.GetValueOrDefault($"slots.{c.Key()}") == "<removed>" && !Config.ContainsKey($"slots.{c.Key()}.sourceBackupId")))
        {
            Clusters.Remove(Outputs[color].ClusterId);
            Groups.Remove(Outputs[color].AppGroupName);
            Outputs.Remove(color);
        }

        foreach (var color in PendingSlots())
        {
            var key = color.Key();
            var backup = Backups[Config[$"slots.{key}.sourceBackupId"]];
            var clusterId = $"cluster-{key}{Backups.Count:d8}";
            Outputs[color] = new SlotOutputs(clusterId, $"sg-{key}", $"arn:tg/{key}", $"asg-{key}", $"arn:secret/{key}", $"i-admin-{key}");
            Clusters[clusterId] = new ClusterStatus(clusterId, ClusterState.CreateInProgress, null, $"sg-c-{key}", [new HsmStatus($"hsm-{key}1", "eu-west-1a", HsmSubnets(Stack)["eu-west-1a"], HsmState.CreateInProgress)]) { SubnetMapping = HsmSubnets(Stack) };
            RestoreFrom(color, backup);
            activeAt[clusterId] = Clock.GetUtcNow() + CreationTime;
            Groups[$"asg-{key}"] = new AppGroupState($"asg-{key}", 0, 0, 4, 0, 0);
        }
    }

    /// <summary>The cluster as DescribeClusters shows it now: one still being created turns ACTIVE, with its HSMs, once its time has passed.</summary>
    public ClusterStatus? ClusterNow(string clusterId)
    {
        if (activeAt.TryGetValue(clusterId, out var at) && Clock.GetUtcNow() >= at && Clusters.TryGetValue(clusterId, out var creating))
        {
            Clusters[clusterId] = creating with { State = ClusterState.Active, Hsms = [.. creating.Hsms.Select(h => h with { State = HsmState.Active })] };
            activeAt.Remove(clusterId);
        }

        return Clusters.GetValueOrDefault(clusterId);
    }

    /// <summary>Slots the config restores from a backup while the stack has no outputs for them.</summary>
    private IEnumerable<Color> PendingSlots() =>
        new[] { Color.Blue, Color.Green }.Where(c => !Outputs.ContainsKey(c) && Config.ContainsKey($"slots.{c.Key()}.sourceBackupId")).ToList();
}
