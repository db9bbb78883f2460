using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Settings;

internal static class SlotBinder
{
    public static Dictionary<Color, SlotSettings> Read(SettingReader read, int defaultClientCount)
    {
        var slots = new Dictionary<Color, SlotSettings>();
        var section = read.Section("slots");
        if (read.Text("slots") is { } scalar)
        {
            read.Fail("slots", scalar, "must be a map with blue and/or green", read.SetCommand("slots.blue.clusterId", IdRule.Cluster.Example));
            return slots;
        }

        foreach (var color in new[] { Color.Blue, Color.Green })
        {
            if (section.GetSection(color.Key()).GetChildren().Any())
            {
                var slot = ReadSlot(read, color, defaultClientCount);
                if (slot is not null)
                {
                    slots[color] = slot;
                }
            }
        }

        RefuseOneUserOnSharedCluster(read, slots);
        if (!section.GetChildren().Any())
        {
            read.Fail("slots", null, "is required: at least the slot that serves traffic", read.SetCommand("slots.blue.clusterId", IdRule.Cluster.Example));
        }

        return slots;
    }

    /// <summary>
    /// Two slots on one cluster (dual-user) alternate between two crypto users: with one user for both, the user
    /// to rotate would always have the serving slot's sessions open, and its password could never change.
    /// </summary>
    private static void RefuseOneUserOnSharedCluster(SettingReader read, Dictionary<Color, SlotSettings> slots)
    {
        if (slots.GetValueOrDefault(Color.Blue) is { Cluster: ClusterSource.Existing blue } blueSlot
            && slots.GetValueOrDefault(Color.Green) is { Cluster: ClusterSource.Existing green } greenSlot
            && string.Equals(blue.ClusterId, green.ClusterId, StringComparison.Ordinal)
            && string.Equals(blueSlot.CryptoUser, greenSlot.CryptoUser, StringComparison.Ordinal))
        {
            read.Fail("slots.green.cryptoUser", greenSlot.CryptoUser, $"is blue's crypto user too, on the same cluster {blue.ClusterId}; slots sharing a cluster need two users", read.SetCommand("slots.green.cryptoUser", blueSlot.CryptoUser + "2"));
        }
    }

    private static SlotSettings? ReadSlot(SettingReader read, Color color, int defaultClientCount)
    {
        var prefix = $"slots.{color.Key()}";
        var clusterId = read.Id($"{prefix}.clusterId", IdRule.Cluster, required: false);
        var backupId = read.Id($"{prefix}.sourceBackupId", IdRule.Backup, required: false);
        var user = read.Id($"{prefix}.cryptoUser", IdRule.CryptoUser, required: true);
        var count = read.Int($"{prefix}.clientCount", defaultClientCount, 0, 100);
        var retiring = read.Bool($"{prefix}.retiring", false);

        var bothGiven = read.Text($"{prefix}.clusterId") is not null && read.Text($"{prefix}.sourceBackupId") is not null;
        var neitherGiven = read.Text($"{prefix}.clusterId") is null && read.Text($"{prefix}.sourceBackupId") is null;
        if (bothGiven)
        {
            read.Fail(prefix, null, "has both clusterId and sourceBackupId; a slot's cluster either exists or is restored from a backup", $"remove one: pulumi config rm --stack <stack> --path '{prefix}.sourceBackupId' (or '{prefix}.clusterId')");
            return null;
        }

        if (neitherGiven)
        {
            read.Fail(prefix, null, "has neither clusterId nor sourceBackupId", read.SetCommand($"{prefix}.sourceBackupId", IdRule.Backup.Example));
            return null;
        }

        if ((clusterId is null && backupId is null) || user is null || count is null || retiring is null)
        {
            return null;
        }

        ClusterSource source = clusterId is not null ? new ClusterSource.Existing(clusterId) : new ClusterSource.FromBackup(backupId!);
        // CloudHSM shows user names in lower case and compares them without case.
        return new SlotSettings(color, source, user.ToLowerInvariant(), count.Value) { Retiring = retiring.Value };
    }
}
