using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Identity;

/// <summary>ICallerIdentity through AWSSDK.SecurityToken, pointed at the same endpoint resolution as our own clients.</summary>
public sealed class StsCallerIdentity(CredentialSource credentials, AwsTransport transport, HttpMessageHandler? handler) : ICallerIdentity
{
    public async Task<CallerIdentity> GetAsync(CancellationToken cancellationToken)
    {
        var config = new AmazonSecurityTokenServiceConfig { ServiceURL = transport.EndpointOf(AwsService.Sts).ToString(), AuthenticationRegion = transport.Region };
        if (handler is not null)
        {
            config.HttpClientFactory = new FixedHttpClientFactory(handler);
        }

        using var client = new AmazonSecurityTokenServiceClient(credentials.Credentials, config);
        try
        {
            var response = await client.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false);
            return new CallerIdentity(response.Account, response.Arn);
        }
        catch (AmazonServiceException ex)
        {
            var message = AwsErrorMessages.Describe(AwsService.Sts, "GetCallerIdentity", ex.ErrorCode ?? "UnknownError", ex.Message, ex.StatusCode);
            throw new AwsApiException(message, AwsService.Sts, "GetCallerIdentity", ex.ErrorCode ?? "UnknownError", ex.StatusCode, ex.RequestId, ex);
        }
    }

    private sealed class FixedHttpClientFactory(HttpMessageHandler handler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
    }
}
