using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Tests.Rotation.Fakes;

public sealed class FakeIdentity(FakeAccount account) : ICallerIdentity
{
    public Task<CallerIdentity> GetAsync(CancellationToken cancellationToken)
    {
        account.Touch("identity.get");
        return Task.FromResult(new CallerIdentity("123456789012", "arn:aws:iam::123456789012:role/rotator"));
    }
}

public sealed class FakeStack(FakeAccount account) : IStackControl
{
    public Task<StackOutputs> GetOutputsAsync(string stack, CancellationToken cancellationToken)
    {
        account.Touch("stack.outputs");
        return Task.FromResult(account.StackOutputs);
    }

    public Task SetConfigAsync(string stack, string path, string value, CancellationToken cancellationToken)
    {
        account.Touch("stack.set");
        account.Config[path] = value;
        account.ConfigWrites.Add([KeyValuePair.Create(path, (string?)value)]);
        return Task.CompletedTask;
    }

    public Task SetConfigValuesAsync(string stack, IReadOnlyList<KeyValuePair<string, string>> values, CancellationToken cancellationToken)
    {
        account.Touch("stack.set");
        foreach (var (path, value) in values)
        {
            account.Config[path] = value;
        }

        // One pulumi write: a stop can only come before or after all of them.
        account.ConfigWrites.Add([.. values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))]);
        return Task.CompletedTask;
    }

    public Task RemoveConfigAsync(string stack, string path, CancellationToken cancellationToken)
    {
        account.Touch("stack.rm");
        foreach (var key in account.Config.Keys.Where(k => k == path || k.StartsWith(path + ".", StringComparison.Ordinal)).ToList())
        {
            account.Config.Remove(key);
        }

        account.Config[path] = "<removed>";
        account.ConfigWrites.Add([KeyValuePair.Create(path, (string?)null)]);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PendingOperation>> PendingOperationsAsync(string stack, CancellationToken cancellationToken)
    {
        account.Touch("stack.pending");
        return Task.FromResult<IReadOnlyList<PendingOperation>>([.. account.PendingOperations]);
    }

    public Task<StackPreview> PreviewAsync(string stack, CancellationToken cancellationToken)
    {
        account.Touch("stack.preview");
        return Task.FromResult(account.Preview());
    }

    public Task UpAsync(string stack, IReadOnlyList<string> targets, CancellationToken cancellationToken)
    {
        account.Touch("stack.up");
        account.Ups.Add(targets);
        account.ApplySlots();
        return Task.CompletedTask;
    }
}

public sealed class FakeClusters(FakeAccount account) : IClusterControl
{
    public Task<ClusterStatus?> DescribeClusterAsync(string clusterId, CancellationToken cancellationToken)
    {
        account.Touch("clusters.describe");
        return Task.FromResult(account.ClusterNow(clusterId));
    }

    public Task<IReadOnlyList<BackupInfo>> DescribeBackupsAsync(string clusterId, CancellationToken cancellationToken)
    {
        account.Touch("clusters.backups");
        IReadOnlyList<BackupInfo> backups = [.. account.Backups.Values.Select(b => b.Info).Where(b => b.ClusterId == clusterId).OrderByDescending(b => b.CreatedAt)];
        return Task.FromResult(backups);
    }

    public Task<BackupInfo?> DescribeBackupAsync(string backupId, CancellationToken cancellationToken)
    {
        account.Touch("clusters.backup");
        return Task.FromResult(account.Backups.GetValueOrDefault(backupId)?.Info);
    }
}

/// <summary>A lease per resource: taken when free, expired or already ours (same run id renews).</summary>
public sealed class FakeLock(FakeAccount account) : IRotationLock
{
    public Task<RotationLease?> ReadAsync(string resourceId, CancellationToken cancellationToken)
    {
        account.Touch("lock.read");
        return Task.FromResult(account.Leases.GetValueOrDefault(resourceId));
    }

    public Task<RotationLease> TryAcquireAsync(string resourceId, RotationLease wanted, CancellationToken cancellationToken)
    {
        account.Touch("lock.acquire");
        lock (account.Leases)
        {
            var held = account.Leases.GetValueOrDefault(resourceId);
            if (held is null || held.RunId == wanted.RunId || held.IsExpiredAt(account.Clock.GetUtcNow()))
            {
                account.Leases[resourceId] = wanted;
                return Task.FromResult(wanted);
            }

            return Task.FromResult(held);
        }
    }

    public Task ReleaseAsync(string resourceId, string runId, CancellationToken cancellationToken)
    {
        account.Touch("lock.release");
        lock (account.Leases)
        {
            if (account.Leases.GetValueOrDefault(resourceId)?.RunId == runId)
            {
                account.Leases.Remove(resourceId);
            }
        }

        return Task.CompletedTask;
    }
}

/// <summary>Auto scaling groups whose in-service instances follow the desired count at once; instances in Standby stay, as a scale-in never terminates them.</summary>
public sealed class FakeAppGroups(FakeAccount account) : IAppGroups
{
    public Task<AppGroupState> DescribeAsync(string groupName, CancellationToken cancellationToken)
    {
        account.Touch("groups.describe");
        return Task.FromResult(account.Groups[groupName]);
    }

    public Task SetDesiredCapacityAsync(string groupName, int desired, CancellationToken cancellationToken)
    {
        account.Touch("groups.set");
        var group = account.Groups[groupName];
        if (desired < group.MinSize || desired > group.MaxSize)
        {
            // As Auto Scaling refuses it: the stack's bounds must leave the step program room to act.
            throw new InvalidOperationException($"ValidationError: New SetDesiredCapacity value {desired} is outside the group's bounds [{group.MinSize}, {group.MaxSize}].");
        }

        account.Groups[groupName] = group with { Desired = desired, InService = desired, Instances = desired + group.Standby };
        return Task.CompletedTask;
    }
}
