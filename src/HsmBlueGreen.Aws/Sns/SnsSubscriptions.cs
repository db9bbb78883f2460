using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Policies;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Sns;

/// <summary>A topic's subscriptions (ListSubscriptionsByTopic). An unconfirmed one has the SubscriptionArn "PendingConfirmation".</summary>
public sealed class SnsSubscriptions(AwsTransport transport)
{
    private readonly QueryProtocolClient client = new(transport, AwsService.Sns);

    public async Task<IReadOnlyList<TopicSubscription>> ListAsync(string topicArn, CancellationToken cancellationToken)
    {
        var subscriptions = new List<TopicSubscription>();
        string? token = null;
        do
        {
            var parameters = new QueryParameters().Add("TopicArn", topicArn);
            if (token is not null)
            {
                parameters.Add("NextToken", token);
            }

            var page = await client.CallAsync(OperationCatalogue.Sns.ListSubscriptionsByTopic, parameters, cancellationToken).ConfigureAwait(false);
            subscriptions.AddRange(page.Members("Subscriptions").Select(s => new TopicSubscription(
                s.Text("Protocol") ?? string.Empty,
                s.Text("SubscriptionArn") is { } arn && arn.StartsWith("arn:", StringComparison.Ordinal))));
            token = page.Text("NextToken");
        }
        while (!string.IsNullOrEmpty(token));
        return subscriptions;
    }
}
