namespace HsmBlueGreen.Aws.SecretsManager;

// Secrets Manager (JSON 1.1) request and response records for the calls we make; names as in the model.
internal sealed record SecretIdRequest(string SecretId);

internal sealed record DescribeSecretResponse(
    string? ARN,
    string? Name,
    Dictionary<string, List<string>>? VersionIdsToStages,
    List<SecretTag>? Tags,
    bool? RotationEnabled = null,
    DateTimeOffset? LastRotatedDate = null,
    DateTimeOffset? LastChangedDate = null);

internal sealed record SecretTag(string Key, string Value);

internal sealed record ListSecretVersionIdsRequest(string SecretId, string? NextToken);

internal sealed record ListSecretVersionIdsResponse(List<SecretVersionEntry>? Versions, string? NextToken);

internal sealed record SecretVersionEntry(string? VersionId, List<string>? VersionStages, DateTimeOffset? CreatedDate);

internal sealed record GetSecretValueRequest(string SecretId, string? VersionId, string? VersionStage);

internal sealed record GetSecretValueResponse(string? ARN, string? VersionId, string? SecretString, List<string>? VersionStages);

internal sealed record PutSecretValueRequest(string SecretId, string ClientRequestToken, string SecretString, List<string> VersionStages);

internal sealed record UpdateSecretVersionStageRequest(string SecretId, string VersionStage, string? MoveToVersionId, string? RemoveFromVersionId);

internal sealed record GetRandomPasswordRequest(long PasswordLength, string ExcludeCharacters, bool RequireEachIncludedType);

internal sealed record GetRandomPasswordResponse(string? RandomPassword);

internal sealed record TagResourceRequest(string SecretId, List<SecretTag> Tags);

internal sealed record UntagResourceRequest(string SecretId, List<string> TagKeys);

internal sealed record EmptyResponse;
