using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Infra.Declarations;

/// <summary>
/// Settings for the program printed to Pulumi's plugin discovery, which runs the compiler with no stack and
/// no config. They switch on every branch of the builder (an existing and a restored cluster, HTTPS with a
/// secret certificate, alert emails), so the discovery program names every resource type and the same
/// provider version as any stack's program. The values are placeholders: discovery never evaluates them.
/// </summary>
public static class DiscoverySettings
{
    public const string Stack = "plugin-discovery";

    public static StackSettings Create() => new(
        Stack,
        "vpc-00000000000000000",
        Zones("subnet-0000000000000000a", "subnet-0000000000000000b"),
        Zones("subnet-0000000000000000c", "subnet-0000000000000000d"),
        Zones("subnet-0000000000000000e", "subnet-0000000000000000f"),
        new ListenerSettings(ListenerProtocol.Https, 443, ConfigString.Secret("certificateArn"), true, 8443, "/health", 0),
        new ClientSettings("ami-00000000000000000", "t3.small", 1),
        "hsm2m.medium",
        true,
        ["alerts@example.com"],
        "/hsm-blue-green/customerCA.crt",
        new Dictionary<Color, SlotSettings>
        {
            [Color.Blue] = new(Color.Blue, new ClusterSource.Existing("cluster-aaaaaaaaaaa"), "app_cu", 1),
            [Color.Green] = new(Color.Green, new ClusterSource.FromBackup("backup-aaaaaaaaaaa"), "app_cu", 0),
        },
        new TrafficSplit(100, 0));

    private static AzMap Zones(string first, string second) =>
        new([KeyValuePair.Create("us-east-1a", first), KeyValuePair.Create("us-east-1b", second)]);
}
