using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Settings;

/// <summary>
/// A stack's configuration after binding and validation: the one typed view that the infrastructure
/// program and the step program both read. Built only by <see cref="StackSettingsBinder"/>.
/// </summary>
public sealed record StackSettings(
    string Stack,
    string VpcId,
    AzMap HsmSubnets,
    AzMap ClientSubnets,
    AzMap AlbSubnets,
    ListenerSettings Listener,
    ClientSettings Clients,
    string HsmType,
    bool RequireMultiAz,
    IReadOnlyList<string> AlertEmails,
    string CustomerCaParameter,
    IReadOnlyDictionary<Color, SlotSettings> Slots,
    TrafficSplit Traffic)
{
    public const string DefaultAdminInstanceType = "t3.micro";

    public bool IsProduction => string.Equals(Stack, "prod", StringComparison.Ordinal);

    /// <summary>The admin host's image (`adminAmiId`); null means the clients' image. A plain OS image keeps the application off it.</summary>
    public string? AdminAmiId { get; init; }

    /// <summary>The admin host only runs cloudhsm-cli, so it is small whatever the clients are (`adminInstanceType`).</summary>
    public string AdminInstanceType { get; init; } = DefaultAdminInstanceType;

    /// <summary>How long the HSM subnets' flow logs are kept (`flowLogRetentionDays`), in one of CloudWatch Logs' retention values.</summary>
    public int FlowLogRetentionDays { get; init; } = FlowLogRetention.DefaultDays;

    /// <summary>An existing IAM role that runs hsm-rotate (`operatorRoleName`); the stack attaches the generated operator and audit policies to it.</summary>
    public string? OperatorRoleName { get; init; }

    /// <summary>Labels of every key the application uses (`keyLabels`); dual-user needs each shared with both slots' users.</summary>
    public IReadOnlyList<string> KeyLabels { get; init; } = [];

    /// <summary>When planned downtime is accepted (`maintenanceWindow`); --window-start/--window-duration override it.</summary>
    public Rotation.Plan.MaintenanceWindow? MaintenanceWindow { get; init; }

    /// <summary>Hourly prices for `plan --compare` (`prices`); unknown unless configured.</summary>
    public HourlyPrices Prices { get; init; } = HourlyPrices.Unknown;

    /// <summary>Both slots use one existing cluster (dual-user): the cluster and its HSMs are declared once.</summary>
    public bool SlotsShareCluster =>
        Slot(Color.Blue)?.Cluster is ClusterSource.Existing blue && Slot(Color.Green)?.Cluster is ClusterSource.Existing green
        && string.Equals(blue.ClusterId, green.ClusterId, StringComparison.Ordinal);

    /// <summary>The slot that serves traffic now; during a split, the one with the larger share (blue on a tie).</summary>
    public Color ServingColor => Traffic.Green > Traffic.Blue ? Color.Green : Color.Blue;

    public SlotSettings? Slot(Color color) => Slots.GetValueOrDefault(color);
}

/// <summary>Availability zone to subnet id, ordered by zone name so every rendering is deterministic.</summary>
public sealed record AzMap(IReadOnlyList<KeyValuePair<string, string>> Entries)
{
    public int ZoneCount => Entries.Count;

    public IEnumerable<string> Zones => Entries.Select(e => e.Key);

    public IEnumerable<string> SubnetIds => Entries.Select(e => e.Value);
}

public enum ListenerProtocol
{
    Http,
    Https,
}

/// <summary><paramref name="CertificateArn"/> is set exactly when the protocol is HTTPS.</summary>
public sealed record ListenerSettings(
    ListenerProtocol Protocol,
    int Port,
    ConfigString? CertificateArn,
    bool Internal,
    int AppPort,
    string HealthCheckPath,
    int StickinessSeconds)
{
    public bool StickinessEnabled => StickinessSeconds > 0;
}

public sealed record ClientSettings(string AmiId, string InstanceType, int DefaultCount);
