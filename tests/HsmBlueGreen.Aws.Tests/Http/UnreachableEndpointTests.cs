using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Aws.Tests.Support;

namespace HsmBlueGreen.Aws.Tests.Http;

/// <summary>
/// An endpoint that refuses, does not resolve, fails TLS or never answers: every call, the first one (STS) included,
/// ends within the default policy's budget in one line that names the call, the endpoint and the fix.
/// </summary>
public class UnreachableEndpointTests
{
    private const string Fix = "check the network, the region and any AWS_ENDPOINT_URL override.";

    [Fact]
    public void TheDefaultPolicyIsTheOneTheReadmeStates()
    {
        var policy = RetryPolicy.Default(TimeProvider.System);

        Assert.Equal(
            (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20)),
            (policy.ConnectTimeout, policy.AttemptTimeout, policy.TotalBudget));
    }

    [Fact]
    public void TheProductionHandlerHasTheConnectTimeout()
    {
        using var handler = AwsPorts.CreateHandler(RetryPolicy.Default(TimeProvider.System));

        Assert.Equal(TimeSpan.FromSeconds(5), handler.ConnectTimeout);
    }

    [Fact]
    public async Task ASilentEndpointEndsTheIdentityCallWithinTheTotalBudget()
    {
        var (error, port, accepted, elapsed) = await AgainstSilentEndpointAsync((ports, token) => ports.CallerIdentity.GetAsync(token));

        Assert.Equal($"sts:GetCallerIdentity could not reach http://127.0.0.1:{port}: no answer within 20s (2 attempts); {Fix}", error.Message);
        Assert.Equal(2, accepted);
        Assert.True(elapsed <= TimeSpan.FromSeconds(20), $"the call took {elapsed} of a 20 s budget");
    }

    [Fact]
    public async Task ASilentEndpointEndsAServiceCallWithinTheTotalBudget()
    {
        var (error, port, _, elapsed) = await AgainstSilentEndpointAsync((ports, token) => ports.ClusterControl.DescribeClusterAsync(Fixtures.BlueCluster, token));

        Assert.StartsWith($"cloudhsm:DescribeClusters could not reach http://127.0.0.1:{port}: no answer within 20s", error.Message, StringComparison.Ordinal);
        Assert.True(elapsed <= TimeSpan.FromSeconds(20), $"the call took {elapsed} of a 20 s budget");
    }

    [Fact]
    public async Task ARefusedConnectionIsOneActionableLine()
    {
        var port = RawEndpoint.ClosedPort();
        using var ports = Ports($"http://127.0.0.1:{port}", TimeProvider.System, Policy(TimeProvider.System));

        var error = await Assert.ThrowsAsync<AwsApiException>(() => ports.CallerIdentity.GetAsync(CancellationToken.None));

        Assert.StartsWith($"sts:GetCallerIdentity could not reach http://127.0.0.1:{port}: Connection refused", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(Fix, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task AnEndpointThatDoesNotResolveIsOneActionableLine()
    {
        using var ports = Ports("http://nonexistent.invalid", TimeProvider.System, Policy(TimeProvider.System));

        var error = await Assert.ThrowsAsync<AwsApiException>(() => ports.CallerIdentity.GetAsync(CancellationToken.None));

        Assert.StartsWith("sts:GetCallerIdentity could not reach http://nonexistent.invalid: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("nonexistent.invalid:80", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(Fix, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedTlsHandshakeIsOneActionableLineWithItsCause()
    {
        await using var endpoint = RawEndpoint.HangsUp();
        using var ports = Ports($"https://127.0.0.1:{endpoint.Port}", TimeProvider.System, Policy(TimeProvider.System));

        var error = await Assert.ThrowsAsync<AwsApiException>(() => ports.CallerIdentity.GetAsync(CancellationToken.None));

        Assert.StartsWith($"sts:GetCallerIdentity could not reach https://127.0.0.1:{endpoint.Port}: The SSL connection could not be established: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("see inner exception", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(Fix, error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs <paramref name="call"/> against a 127.0.0.1 listener that accepts and never answers; each connection moves
    /// the stepped clock to the attempt's timeout. A 20 s wall-clock guard only stops a run that would otherwise hang.
    /// </summary>
    private static async Task<(AwsApiException Error, int Port, int Accepted, TimeSpan Elapsed)> AgainstSilentEndpointAsync(Func<AwsPorts, CancellationToken, Task> call)
    {
        var clock = new SteppedClock();
        await using var endpoint = RawEndpoint.Silent(clock.FireNext);
        using var ports = Ports($"http://127.0.0.1:{endpoint.Port}", clock, Policy(clock));
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var error = await Assert.ThrowsAsync<AwsApiException>(() => call(ports, guard.Token));
        return (error, endpoint.Port, endpoint.Accepted, clock.Elapsed);
    }

    /// <summary>The production policy with its waits taken on <paramref name="clock"/> instead of slept, and a fixed jitter.</summary>
    private static RetryPolicy Policy(TimeProvider clock) => RetryPolicy.Default(clock) with
    {
        Jitter = () => 0.5,
        Delay = (delay, _) =>
        {
            (clock as SteppedClock)?.Advance(delay);
            return Task.CompletedTask;
        },
    };

    private static AwsPorts Ports(string endpoint, TimeProvider clock, RetryPolicy policy)
    {
        var environment = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = endpoint, ["AWS_REGION"] = "eu-west-1" };
        return AwsPorts.Create(new AwsSettings(name => environment.GetValueOrDefault(name), clock) { Retry = policy });
    }
}
