using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Policies;

namespace HsmBlueGreen.Aws.CloudHsm;

/// <summary>IClusterControl over CloudHSM v2 DescribeClusters and DescribeBackups (by cluster or by backup id), following NextToken.</summary>
public sealed class CloudHsmClusterControl(AwsTransport transport) : IClusterControl
{
    private readonly JsonProtocolClient client = new(transport, AwsService.CloudHsm);

    public async Task<ClusterStatus?> DescribeClusterAsync(string clusterId, CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            var page = await client.CallAsync<DescribeClustersRequest, DescribeClustersResponse>(
                OperationCatalogue.CloudHsm.DescribeClusters, new(ById(clusterId), token), cancellationToken).ConfigureAwait(false);
            var match = page.Clusters?.FirstOrDefault(c => c.ClusterId == clusterId);
            if (match is not null)
            {
                return ToStatus(match);
            }

            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
        return null;
    }

    public async Task<IReadOnlyList<BackupInfo>> DescribeBackupsAsync(string clusterId, CancellationToken cancellationToken) =>
        await BackupsAsync(ById(clusterId), clusterId, cancellationToken).ConfigureAwait(false);

    public async Task<BackupInfo?> DescribeBackupAsync(string backupId, CancellationToken cancellationToken) =>
        (await BackupsAsync(new() { ["backupIds"] = [backupId] }, string.Empty, cancellationToken).ConfigureAwait(false)).FirstOrDefault(b => b.BackupId == backupId);

    private async Task<IReadOnlyList<BackupInfo>> BackupsAsync(Dictionary<string, List<string>> filters, string clusterId, CancellationToken cancellationToken)
    {
        var backups = new List<BackupInfo>();
        string? token = null;
        do
        {
            var page = await client.CallAsync<DescribeBackupsRequest, DescribeBackupsResponse>(
                OperationCatalogue.CloudHsm.DescribeBackups, new(filters, token, SortAscending: false), cancellationToken).ConfigureAwait(false);
            backups.AddRange((page.Backups ?? []).Where(b => b.BackupId is not null).Select(b => new BackupInfo(
                b.BackupId!, b.ClusterId ?? clusterId, b.BackupState ?? "UNKNOWN", b.CreateTimestamp ?? DateTimeOffset.MinValue, b.NeverExpires ?? false)));
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
        return [.. backups.OrderByDescending(b => b.CreatedAt)];
    }

    private static Dictionary<string, List<string>> ById(string clusterId) => new() { ["clusterIds"] = [clusterId] };

    private static ClusterStatus ToStatus(ClusterDto cluster) => new(
        cluster.ClusterId!,
        ParseState<ClusterState>(cluster.State),
        cluster.SourceBackupId,
        cluster.SecurityGroup,
        [.. (cluster.Hsms ?? []).Select(h => new HsmStatus(h.HsmId ?? string.Empty, h.AvailabilityZone ?? string.Empty, h.SubnetId ?? string.Empty, ParseState<HsmState>(h.State)))])
    {
        SubnetMapping = new Dictionary<string, string>(cluster.SubnetMapping ?? [], StringComparer.Ordinal),
        Tags = (cluster.TagList ?? []).Where(t => t.Key is not null).GroupBy(t => t.Key!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value ?? string.Empty, StringComparer.Ordinal),
    };

    /// <summary>"CREATE_IN_PROGRESS" becomes CreateInProgress; an unknown value is Unknown rather than a crash.</summary>
    internal static T ParseState<T>(string? value)
        where T : struct, Enum =>
        Enum.TryParse<T>((value ?? string.Empty).Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var state) ? state : default;
}
