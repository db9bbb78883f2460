namespace HsmBlueGreen.Aws.CloudHsm;

// CloudHSM v2 (JSON 1.1) request and response records for the calls we make; names as in the model.
internal sealed record DescribeClustersRequest(Dictionary<string, List<string>> Filters, string? NextToken);

internal sealed record DescribeClustersResponse(List<ClusterDto>? Clusters, string? NextToken);

internal sealed record ClusterDto(string? ClusterId, string? State, string? SourceBackupId, string? SecurityGroup, List<HsmDto>? Hsms, List<TagDto>? TagList, Dictionary<string, string>? SubnetMapping = null);

internal sealed record TagDto(string? Key, string? Value);

internal sealed record HsmDto(string? HsmId, string? AvailabilityZone, string? SubnetId, string? State);

internal sealed record DescribeBackupsRequest(Dictionary<string, List<string>> Filters, string? NextToken, bool SortAscending);

internal sealed record DescribeBackupsResponse(List<BackupDto>? Backups, string? NextToken);

internal sealed record BackupDto(string? BackupId, string? BackupState, string? ClusterId, DateTimeOffset? CreateTimestamp, bool? NeverExpires);
