using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace HsmBlueGreen.Aws.Http;

/// <summary>
/// AWSSDK.Core's default credential chain (environment, profiles, SSO, container, instance metadata),
/// resolved once on first use; the resolved credentials refresh themselves when they expire.
/// </summary>
public sealed class CredentialSource(AWSCredentials? explicitCredentials = null)
{
    private readonly Lazy<AWSCredentials> credentials = new(() => explicitCredentials ?? Resolve());

    public AWSCredentials Credentials => credentials.Value;

    public async Task<ImmutableCredentials> GetAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await Credentials.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (AmazonClientException ex)
        {
            throw NoCredentials(ex);
        }
    }

    private static AWSCredentials Resolve()
    {
        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials(null);
        }
        catch (AmazonClientException ex)
        {
            throw NoCredentials(ex);
        }
    }

    private static AwsConfigurationException NoCredentials(Exception ex) => new(
        $"no usable AWS credentials ({AwsErrorMessages.OneLine(ex.Message)}); set AWS_PROFILE (and run aws sso login) or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY.");
}
