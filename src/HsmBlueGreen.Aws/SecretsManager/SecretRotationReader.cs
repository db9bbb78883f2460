using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Policies;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.SecretsManager;

/// <summary>A secret's rotation metadata from DescribeSecret: never its value.</summary>
public sealed class SecretRotationReader(AwsTransport transport)
{
    private readonly JsonProtocolClient client = new(transport, AwsService.SecretsManager);

    public async Task<SecretRotationInfo> DescribeAsync(string secretId, CancellationToken cancellationToken)
    {
        var secret = await client.CallAsync<SecretIdRequest, DescribeSecretResponse>(OperationCatalogue.SecretsManager.DescribeSecret, new(secretId), cancellationToken).ConfigureAwait(false);
        return new SecretRotationInfo(secret.Name ?? secretId, secret.RotationEnabled ?? false, secret.LastRotatedDate, secret.LastChangedDate);
    }
}
