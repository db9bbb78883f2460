using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Secrets;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Tests.Rotation.Fakes;

/// <summary>A backup as CloudHSM keeps it: which cluster, when, and the users with the passwords they had then.</summary>
public sealed record FakeBackup(BackupInfo Info, IReadOnlyDictionary<string, string> Passwords);

/// <summary>
/// CloudHSM backups: each holds the cluster's users and passwords as of its timestamp (CloudHSM takes one at least
/// daily, never on request), and a cluster restored from one starts with exactly those.
/// </summary>
public sealed partial class FakeAccount
{
    public Dictionary<string, FakeBackup> Backups { get; } = new(StringComparer.Ordinal);

    /// <summary>The subnets the test stacks list under hsmSubnets (Pulumi.prod.yaml's for prod, StackYaml's otherwise).</summary>
    public static IReadOnlyDictionary<string, string> HsmSubnets(string stack) => stack == "prod"
        ? new Dictionary<string, string>(StringComparer.Ordinal) { ["eu-west-1a"] = "subnet-01a3c5e7f9b1d3f5a", ["eu-west-1b"] = "subnet-02b4d6f8a0c2e4a6b", ["eu-west-1c"] = "subnet-03c5e7a9b1d3f5b7c" }
        : new Dictionary<string, string>(StringComparer.Ordinal) { ["eu-west-1a"] = "subnet-0a1b2c3d4e5f60718", ["eu-west-1b"] = "subnet-0a1b2c3d4e5f60719" };

    /// <summary>A backup of the slot's cluster as it is now, stamped <paramref name="at"/>.</summary>
    public FakeBackup TakeBackup(Color color, DateTimeOffset at, string? backupId = null)
    {
        var clusterId = Outputs[color].ClusterId;
        var passwords = HsmUsers.Where(u => u.Key == clusterId || u.Key.StartsWith(clusterId + "/", StringComparison.Ordinal))
            .ToDictionary(u => u.Key[clusterId.Length..], u => u.Value.Password, StringComparer.Ordinal);
        var backup = new FakeBackup(new BackupInfo(backupId ?? $"backup-{color.Key()}{Backups.Count + 1:d8}", clusterId, "READY", at, false), passwords);
        Backups[backup.Info.BackupId] = backup;
        return backup;
    }

    /// <summary>The slot's cluster as CloudHSM restores it from the backup: its users have the backup's passwords.</summary>
    public void RestoreFrom(Color color, FakeBackup backup)
    {
        var clusterId = Outputs[color].ClusterId;
        Clusters[clusterId] = Clusters[clusterId] with { SourceBackupId = backup.Info.BackupId };
        foreach (var key in HsmUsers.Keys.Where(k => k == clusterId || k.StartsWith(clusterId + "/", StringComparison.Ordinal)).ToList())
        {
            HsmUsers.Remove(key);
        }

        foreach (var (suffix, password) in backup.Passwords)
        {
            HsmUsers[clusterId + suffix] = new HsmUserRecord(password);
        }
    }

    /// <summary>What a rotation into the slot leaves behind: a new AWSCURRENT version (the old one AWSPREVIOUS) and that password on its cluster.</summary>
    public async Task ChangePasswordAsync(Color color, string versionId, string password)
    {
        await Secrets.PutAsync(Outputs[color].SecretArn, versionId, new Credential(User, new Sensitive(password)), [SecretStages.Current], CancellationToken.None);
        HsmUsers[Outputs[color].ClusterId].Password = password;
    }
}
