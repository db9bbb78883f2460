using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>--smoke-path: the target checked through its test route before the first weight step; a failure shifts nothing.</summary>
public sealed class SmokeCheckTests
{
    private static RotationHarness WithSmokeCheck()
    {
        var harness = new RotationHarness { Options = RotationOptions.Default with { SmokePath = "/health/hsm" } };
        harness.Account.TestRoutes.UnionWith(["arn:tg/blue", "arn:tg/green"]);
        return harness;
    }

    [Fact]
    public async Task APassingSmokeCheckThroughGreensTestRouteComesBeforeTheFirstWeightStep()
    {
        var harness = WithSmokeCheck();

        var result = await harness.RunAsync();

        Assert.True(result.Outcome == RotationOutcome.Done, result.Message);
        var request = Assert.Single(harness.Account.SmokeRequests);
        Assert.Equal(("i-admin-green", "/health/hsm", "X-Hsm-Slot", "green"), (request.InstanceId, request.Url.AbsolutePath, request.HeaderName, request.HeaderValue));
        Assert.True(harness.Account.Calls.IndexOf("smoke.get") < harness.Account.Calls.IndexOf("lb.set"), "the smoke check ran after a weight change");
    }

    [Fact]
    public async Task AFailedSmokeCheckStopsForAnOperatorWithNothingShifted()
    {
        var harness = WithSmokeCheck();
        harness.Account.AppStatus["arn:tg/green"] = 503;

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Equal((0, 0), (harness.Account.WeightChanges, harness.Account.TargetPercent(Color.Green)));
        Assert.Contains("answered 503, not 2xx. Nothing was shifted: all traffic is still on blue.", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingTestRouteStopsBeforeAnySmokeRequestOrWeightChange()
    {
        var harness = WithSmokeCheck();
        harness.Account.TestRoutes.Remove("arn:tg/green");

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Equal((0, 0, 0), (harness.Account.SmokeRequests.Count, harness.Account.WeightChanges, harness.Account.TargetPercent(Color.Green)));
        Assert.Contains("green's test route is missing", result.Message, StringComparison.Ordinal);
        Assert.Contains("pulumi up --stack test", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResumeChecksAgainAndShiftsOnceGreenAnswers()
    {
        var harness = WithSmokeCheck();
        harness.Account.AppStatus["arn:tg/green"] = 503;
        await harness.RunAsync();
        harness.Account.AppStatus["arn:tg/green"] = 200;

        var result = await harness.ResumeAsync();

        Assert.True(result.Outcome == RotationOutcome.Done, result.Message);
        Assert.Equal(2, harness.Account.SmokeRequests.Count);
    }

    [Fact]
    public void ASmokePathThatIsNotAPlainUrlPathIsRefused()
    {
        var options = RotationOptions.Default with { SmokePath = "/health;reboot" };

        var error = Assert.Throws<RotationInputException>(() => options.Validated());
        Assert.StartsWith("--smoke-path '/health;reboot' is not a URL path.", error.Message, StringComparison.Ordinal);
    }
}
