using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Secrets;
using HsmBlueGreen.Core.Policies;

namespace HsmBlueGreen.Aws.SecretsManager;

/// <summary>ISecretStore over Secrets Manager: versions and staging labels, values as <see cref="CredentialJson"/>.</summary>
public sealed class SecretsManagerSecretStore(AwsTransport transport) : ISecretStore
{
    private readonly JsonProtocolClient client = new(transport, AwsService.SecretsManager);

    public async Task<SecretVersions> DescribeAsync(string secretId, CancellationToken cancellationToken)
    {
        var secret = await client.CallAsync<SecretIdRequest, DescribeSecretResponse>(OperationCatalogue.SecretsManager.DescribeSecret, new(secretId), cancellationToken).ConfigureAwait(false);
        var stages = (secret.VersionIdsToStages ?? []).ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal);
        return new SecretVersions(secret.ARN ?? secretId, stages);
    }

    /// <summary>Without IncludeDeprecated: a version with no label may be deleted by the service and is never relied on.</summary>
    public async Task<IReadOnlyList<SecretVersionInfo>> ListVersionsAsync(string secretId, CancellationToken cancellationToken)
    {
        var versions = new List<SecretVersionInfo>();
        string? token = null;
        do
        {
            var page = await client.CallAsync<ListSecretVersionIdsRequest, ListSecretVersionIdsResponse>(
                OperationCatalogue.SecretsManager.ListSecretVersionIds, new(secretId, token), cancellationToken).ConfigureAwait(false);
            versions.AddRange((page.Versions ?? []).Where(v => v.VersionId is not null && v.CreatedDate is not null)
                .Select(v => new SecretVersionInfo(v.VersionId!, v.CreatedDate!.Value, v.VersionStages ?? [])));
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
        return versions;
    }

    public async Task<Credential?> GetAsync(string secretId, SecretVersionRef version, CancellationToken cancellationToken)
    {
        try
        {
            var value = await client.CallAsync<GetSecretValueRequest, GetSecretValueResponse>(
                OperationCatalogue.SecretsManager.GetSecretValue, new(secretId, version.VersionId, version.Stage), cancellationToken).ConfigureAwait(false);
            return value.SecretString is null ? null : CredentialJson.Read(secretId, value.SecretString);
        }
        catch (AwsApiException ex) when (ex.IsCode("ResourceNotFoundException"))
        {
            return null;
        }
    }

    public Task PutAsync(string secretId, string clientRequestToken, Credential value, IReadOnlyList<string> stages, CancellationToken cancellationToken) =>
        client.CallAsync<PutSecretValueRequest, EmptyResponse>(
            OperationCatalogue.SecretsManager.PutSecretValue, new(secretId, clientRequestToken, CredentialJson.Write(value), [.. stages]), cancellationToken);

    public Task MoveStageAsync(string secretId, string stage, string? moveToVersionId, string? removeFromVersionId, CancellationToken cancellationToken) =>
        client.CallAsync<UpdateSecretVersionStageRequest, EmptyResponse>(
            OperationCatalogue.SecretsManager.UpdateSecretVersionStage, new(secretId, stage, moveToVersionId, removeFromVersionId), cancellationToken);

    public async Task<Sensitive> GeneratePasswordAsync(PasswordPolicy policy, CancellationToken cancellationToken)
    {
        var response = await client.CallAsync<GetRandomPasswordRequest, GetRandomPasswordResponse>(
            OperationCatalogue.SecretsManager.GetRandomPassword, new(policy.Length, policy.ExcludeCharacters, RequireEachIncludedType: true), cancellationToken).ConfigureAwait(false);
        return new Sensitive(response.RandomPassword
            ?? throw new AwsApiException("secretsmanager:GetRandomPassword returned no password; try again.", AwsService.SecretsManager, "GetRandomPassword", "MalformedResponse", null, null));
    }
}
