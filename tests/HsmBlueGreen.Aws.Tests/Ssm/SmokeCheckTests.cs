using HsmBlueGreen.Aws.Ssm;
using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Tests.Ssm;

/// <summary>ISmokeCheck through the loopback SSM: green's admin host runs the command against a fake curl that routes like the ALB.</summary>
public sealed class SmokeCheckTests : IDisposable
{
    private static readonly SmokeCheckRequest Green = new(Fixtures.GreenAdminHost, new Uri("https://internal-hsm-dev-123.eu-west-1.elb.amazonaws.com:443/health/hsm"), "X-Hsm-Slot", "green");

    private readonly FakeHsmHost host = new();

    public void Dispose() => host.Dispose();

    private LoopbackHarness Start() => LoopbackHarness.Start(a =>
    {
        a.AddManagedInstance(Fixtures.GreenAdminHost);
        a.CommandHost = command => host.Run(command.Commands.Single());
    });

    [Fact]
    public async Task TheTestRoutesStatusComesBackFromTheAdminHost()
    {
        host.ServeLoadBalancer("X-Hsm-Slot", new Dictionary<string, int> { ["green"] = 503, ["blue"] = 200 });
        await using var aws = Start();

        var result = await aws.Ports.SmokeCheck.GetAsync(Green, CancellationToken.None);

        Assert.Equal(new SmokeCheckResult(SmokeCheckOutcome.Answered, 503, "HTTP 503"), result);
        Assert.Equal(Fixtures.GreenAdminHost, Assert.Single(aws.Account.SentCommands).InstanceId);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task TheRequestCarriesTheHeaderAndTheUrlAndNothingElse()
    {
        host.ServeLoadBalancer("X-Hsm-Slot", new Dictionary<string, int> { ["green"] = 200 });
        await using var aws = Start();

        await aws.Ports.SmokeCheck.GetAsync(Green, CancellationToken.None);

        var argv = System.Text.Json.JsonSerializer.Deserialize<string[]>(Assert.Single(host.CurlCalls))!;
        Assert.Equal(("X-Hsm-Slot: green", Green.Url.AbsoluteUri), (argv[Array.IndexOf(argv, "--header") + 1], argv[^1]));
        Assert.Equal(SsmSmokeCheck.Command(Green), Assert.Single(Assert.Single(aws.Account.SentCommands).Commands));
    }

    [Fact]
    public async Task AnUnreachableLoadBalancerIsNoAnswerWithCurlsReason()
    {
        host.ServeLoadBalancer("X-Hsm-Slot", new Dictionary<string, int>(), reachable: false);
        await using var aws = Start();

        var result = await aws.Ports.SmokeCheck.GetAsync(Green, CancellationToken.None);

        Assert.Equal(new SmokeCheckResult(SmokeCheckOutcome.NoAnswer, null, "curl: (28) Connection timed out after 10001 milliseconds"), result);
    }

    [Fact]
    public async Task AHostThatIsNotManagedIsUnavailableAndNothingRuns()
    {
        await using var aws = LoopbackHarness.Start();

        var result = await aws.Ports.SmokeCheck.GetAsync(Green, CancellationToken.None);

        Assert.Equal(SmokeCheckOutcome.HostUnavailable, result.Outcome);
        Assert.Empty(host.CurlCalls);
    }
}
