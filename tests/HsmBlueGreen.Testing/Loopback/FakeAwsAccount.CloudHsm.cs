using System.Text.Json.Nodes;

namespace HsmBlueGreen.Aws.Tests.Loopback;

public sealed record FakeHsm(string HsmId, string AvailabilityZone, string SubnetId, string State = "ACTIVE");

public sealed record FakeCluster(string ClusterId, string State, string? SourceBackupId, string SecurityGroup, IReadOnlyList<FakeHsm> Hsms)
{
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Zone to subnet, fixed when the cluster was created; by default the zones and subnets of its HSMs.</summary>
    public IReadOnlyDictionary<string, string>? SubnetMapping { get; init; }

    /// <summary>The users' passwords the cluster holds: a restored cluster starts with its backup's.</summary>
    public IReadOnlyDictionary<string, string> Passwords { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Subnets => SubnetMapping ?? Hsms.GroupBy(h => h.AvailabilityZone).ToDictionary(g => g.Key, g => g.First().SubnetId);
}

/// <summary>A backup and, as CloudHSM keeps them in it, the cluster's users with their passwords at <see cref="CreatedAt"/>.</summary>
public sealed record FakeBackup(string BackupId, string ClusterId, string State, DateTimeOffset CreatedAt, bool NeverExpires = false)
{
    public IReadOnlyDictionary<string, string> Passwords { get; init; } = new Dictionary<string, string>();
}

/// <summary>CloudHSM v2: clusters (with their subnet mapping) and backups (filtered by cluster or backup id), paged by <see cref="PageSize"/>.</summary>
public sealed partial class FakeAwsAccount
{
    private readonly List<FakeCluster> clusters = [];
    private readonly List<FakeBackup> backups = [];

    /// <summary>How many items a describe call returns per page, so pagination is exercised.</summary>
    public int PageSize { get; set; } = 50;

    public FakeAwsAccount AddCluster(FakeCluster cluster)
    {
        lock (gate)
        {
            clusters.RemoveAll(c => c.ClusterId == cluster.ClusterId);
            clusters.Add(cluster);
        }

        return this;
    }

    public FakeAwsAccount AddBackup(FakeBackup backup)
    {
        lock (gate)
        {
            backups.Add(backup);
        }

        return this;
    }

    private JsonObject DescribeClusters(JsonObject input)
    {
        SettleCreations();
        var ids = Strings(input["Filters"]?["clusterIds"]).ToHashSet();
        var matching = clusters.Where(c => ids.Count == 0 || ids.Contains(c.ClusterId)).ToList();
        var (page, next) = Page(matching, OptStr(input, "NextToken"));
        return new JsonObject
        {
            ["Clusters"] = new JsonArray([.. page.Select(c => (JsonNode)WithTags(new JsonObject
            {
                ["ClusterId"] = c.ClusterId,
                ["State"] = c.State,
                ["SecurityGroup"] = c.SecurityGroup,
                ["HsmType"] = "hsm1.medium",
                ["Hsms"] = new JsonArray([.. c.Hsms.Select(h => (JsonNode)new JsonObject
                {
                    ["HsmId"] = h.HsmId, ["AvailabilityZone"] = h.AvailabilityZone, ["SubnetId"] = h.SubnetId, ["ClusterId"] = c.ClusterId, ["State"] = h.State,
                })]),
                ["SubnetMapping"] = new JsonObject([.. c.Subnets.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)JsonValue.Create(m.Value)))]),
            }.WithOptional("SourceBackupId", c.SourceBackupId), c.Tags))]),
        }.WithOptional("NextToken", next);
    }

    /// <summary>The model wants at least one tag in a TagList, so an untagged cluster has none.</summary>
    private static JsonObject WithTags(JsonObject cluster, IReadOnlyDictionary<string, string> tags)
    {
        if (tags.Count > 0)
        {
            cluster["TagList"] = new JsonArray([.. tags.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })]);
        }

        return cluster;
    }

    private JsonObject DescribeBackups(JsonObject input)
    {
        var ids = Strings(input["Filters"]?["clusterIds"]).ToHashSet();
        var backupIds = Strings(input["Filters"]?["backupIds"]).ToHashSet();
        var ascending = input["SortAscending"]?.GetValue<bool>() ?? false;
        var matching = backups.Where(b => (ids.Count == 0 || ids.Contains(b.ClusterId)) && (backupIds.Count == 0 || backupIds.Contains(b.BackupId)));
        var ordered = (ascending ? matching.OrderBy(b => b.CreatedAt) : matching.OrderByDescending(b => b.CreatedAt)).ToList();
        var (page, next) = Page(ordered, OptStr(input, "NextToken"));
        return new JsonObject
        {
            ["Backups"] = new JsonArray([.. page.Select(b => (JsonNode)new JsonObject
            {
                ["BackupId"] = b.BackupId, ["BackupState"] = b.State, ["ClusterId"] = b.ClusterId, ["CreateTimestamp"] = Epoch(b.CreatedAt), ["NeverExpires"] = b.NeverExpires,
            })]),
        }.WithOptional("NextToken", next);
    }

    private (List<T> Page, string? Next) Page<T>(List<T> items, string? token)
    {
        var start = token is null ? 0 : int.Parse(token, System.Globalization.CultureInfo.InvariantCulture);
        var page = items.Skip(start).Take(PageSize).ToList();
        var next = start + PageSize < items.Count ? (start + PageSize).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return (page, next);
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject WithOptional(this JsonObject obj, string name, string? value)
    {
        if (value is not null)
        {
            obj[name] = value;
        }

        return obj;
    }

    public static JsonObject WithOptionalDate(this JsonObject obj, string name, DateTimeOffset? value)
    {
        if (value is not null)
        {
            obj[name] = value.Value.ToUnixTimeMilliseconds() / 1000.0;
        }

        return obj;
    }
}
