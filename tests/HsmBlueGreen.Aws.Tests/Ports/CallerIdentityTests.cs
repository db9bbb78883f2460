using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Tests.Ports;

public class CallerIdentityTests
{
    [Fact]
    public async Task TheCallerIsReadThroughTheQueryClientAtTheOverriddenEndpoint()
    {
        await using var aws = LoopbackHarness.Start();

        var caller = await aws.Ports.CallerIdentity.GetAsync(CancellationToken.None);

        Assert.Equal(new CallerIdentity("123456789012", "arn:aws:sts::123456789012:assumed-role/hsm-rotate-operator/alice"), caller);
        Assert.Equal("sts", aws.Server.CallsTo("GetCallerIdentity").Single().SigningName);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task ADeniedIdentityCallIsAnActionableError()
    {
        await using var aws = LoopbackHarness.Start(a => a.Deny("GetCallerIdentity", "*"));

        var error = await Assert.ThrowsAsync<HsmBlueGreen.Aws.Http.AwsApiException>(() => aws.Ports.CallerIdentity.GetAsync(CancellationToken.None));

        Assert.StartsWith("AWS denied sts:GetCallerIdentity on * to arn:aws:sts::123456789012:assumed-role/hsm-rotate-operator/alice:", error.Message, StringComparison.Ordinal);
    }
}
