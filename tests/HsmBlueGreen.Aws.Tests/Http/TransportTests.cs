using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Aws.Tests.Support;

namespace HsmBlueGreen.Aws.Tests.Http;

/// <summary>Retries, timeouts and error mapping, exercised through a real client against injected faults.</summary>
public class TransportTests
{
    private static LoopbackHarness Start(TimeSpan? attemptTimeout = null) =>
        LoopbackHarness.Start(account => account.AddCluster(Fixtures.Cluster(Fixtures.BlueCluster)), attemptTimeout);

    [Fact]
    public async Task ThrottlingIsRetriedWithBackoffUntilItSucceeds()
    {
        await using var aws = Start();
        aws.Server.Inject("DescribeClusters", InjectedFault.Throttle(), times: 2);

        var cluster = await aws.Ports.ClusterControl.DescribeClusterAsync(Fixtures.BlueCluster, CancellationToken.None);

        Assert.NotNull(cluster);
        Assert.Equal([TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100)], aws.RetryDelays);
    }

    [Fact]
    public async Task ServerErrorsAreRetried()
    {
        await using var aws = Start();
        aws.Server.Inject("DescribeClusters", InjectedFault.ServerError());

        await aws.Ports.ClusterControl.DescribeClusterAsync(Fixtures.BlueCluster, CancellationToken.None);

        Assert.Equal(2, aws.Server.CallsTo("DescribeClusters").Count());
    }

    [Fact]
    public async Task RetriesStopAtTheBoundAndTheLastErrorIsReported()
    {
        await using var aws = Start();
        aws.Server.Inject("DescribeClusters", InjectedFault.ServerError(), times: 10);

        var error = await Assert.ThrowsAsync<AwsApiException>(() => aws.Ports.ClusterControl.DescribeClusterAsync(Fixtures.BlueCluster, CancellationToken.None));

        Assert.Equal(4, aws.Server.CallsTo("DescribeClusters").Count());
        Assert.Equal("cloudhsm:DescribeClusters failed: InternalFailure (HTTP 500): internal error", error.Message);
    }

    [Fact]
    public async Task ClientErrorsAreNotRetried()
    {
        await using var aws = Start();
        aws.Server.Inject("DescribeClusters", InjectedFault.Error(400, "CloudHsmInvalidRequestException", "bad filter"));

        var error = await Assert.ThrowsAsync<AwsApiException>(() => aws.Ports.ClusterControl.DescribeClusterAsync(Fixtures.BlueCluster, CancellationToken.None));

        Assert.Single(aws.Server.CallsTo("DescribeClusters"));
        Assert.Equal("CloudHsmInvalidRequestException", error.ErrorCode);
    }

    [Fact]
    public async Task AMalformedBodyIsReportedAndNotRetried()
    {
        await using var aws = Start();
        aws.Server.Inject("DescribeClusters", InjectedFault.MalformedBody());

        var error = await Assert.ThrowsAsync<AwsApiException>(() => aws.Ports.ClusterControl.DescribeClusterAsync(Fixtures.BlueCluster, CancellationToken.None));

        Assert.Single(aws.Server.CallsTo("DescribeClusters"));
        Assert.StartsWith("cloudhsm:DescribeClusters returned a response that is not valid JSON for that call", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedXmlIsReportedAndNotRetried()
    {
        await using var aws = Start();
        aws.Server.Inject("DescribeTargetHealth", InjectedFault.MalformedBody());

        var error = await Assert.ThrowsAsync<AwsApiException>(() => aws.Ports.LoadBalancer.GetTargetHealthAsync(Fixtures.BlueTargetGroup, CancellationToken.None));

        Assert.Single(aws.Server.CallsTo("DescribeTargetHealth"));
        Assert.StartsWith("elasticloadbalancing:DescribeTargetHealth returned a response that is not valid XML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAttemptWithoutAnswerTimesOutAndIsRetried()
    {
        await using var aws = Start(attemptTimeout: TimeSpan.FromMilliseconds(300));
        aws.Server.Inject("DescribeClusters", InjectedFault.Timeout());

        var cluster = await aws.Ports.ClusterControl.DescribeClusterAsync(Fixtures.BlueCluster, CancellationToken.None);

        Assert.NotNull(cluster);
        Assert.Single(aws.RetryDelays);
    }

    [Fact]
    public async Task AccessDeniedNamesActionResourceAndCaller()
    {
        await using var aws = Start();
        aws.Account.Deny("DescribeListeners", Fixtures.ListenerArn);

        var error = await Assert.ThrowsAsync<AwsApiException>(() => aws.Ports.LoadBalancer.GetListenerAsync(Fixtures.ListenerArn, CancellationToken.None));

        Assert.Equal(
            $"AWS denied elasticloadbalancing:DescribeListeners on {Fixtures.ListenerArn} to arn:aws:sts::123456789012:assumed-role/hsm-rotate-operator/alice: allow that action on that resource in the role's policy, or run with a role that has it.",
            error.Message);
    }

    [Fact]
    public async Task RequestsAreSignedForTheServiceAndRegion()
    {
        await using var aws = Start();

        await aws.Ports.ClusterControl.DescribeClusterAsync(Fixtures.BlueCluster, CancellationToken.None);

        Assert.All(aws.Server.Calls, call => Assert.Equal(("cloudhsm", LoopbackAwsServer.Region), (call.SigningName, call.Region)));
        Assert.NotEmpty(aws.Server.Calls);
        aws.Server.AssertConforms();
    }
}
