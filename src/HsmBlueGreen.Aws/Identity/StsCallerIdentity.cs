using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Policies;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Identity;

/// <summary>
/// ICallerIdentity through our own Query client, so the first AWS call of a run has the same endpoint resolution,
/// timeouts, retry budget and one-line errors as every other call.
/// </summary>
public sealed class StsCallerIdentity(AwsTransport transport) : ICallerIdentity
{
    private readonly QueryProtocolClient client = new(transport, AwsService.Sts);

    public async Task<CallerIdentity> GetAsync(CancellationToken cancellationToken)
    {
        var result = await client.CallAsync(OperationCatalogue.Sts.GetCallerIdentity, new QueryParameters(), cancellationToken).ConfigureAwait(false);
        var account = result.Text("Account");
        var arn = result.Text("Arn");
        if (string.IsNullOrEmpty(account) || string.IsNullOrEmpty(arn))
        {
            throw new AwsApiException(
                "sts:GetCallerIdentity returned no Account or Arn; check any AWS_ENDPOINT_URL override.",
                AwsService.Sts, "GetCallerIdentity", "MalformedResponse", null, null);
        }

        return new CallerIdentity(account, arn);
    }
}
