using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>A crash at any step boundary leaves AWS in a state the next resume recognises and finishes, doing nothing twice.</summary>
public sealed class CrashResumeTests
{
    public static TheoryData<string> Boundaries() =>
        [.. new RotationHarness().Plan().Steps.Where(s => s is not RotationStep.Finish).Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Boundaries))]
    public async Task CrashAfterAStepThenResumeReachesTheHappyPathsEndState(string step)
    {
        var expected = new RotationHarness();
        await expected.RunAsync();
        var harness = new RotationHarness();
        await harness.CrashAfterAsync(step);
        var result = await harness.ResumeAsync();

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Equal(expected.EndState(), harness.EndState());
    }

    [Theory]
    [MemberData(nameof(Boundaries))]
    public async Task CrashAfterAStepThenResumeDoesNoSecretWorkTwice(string step)
    {
        var harness = new RotationHarness();
        await harness.CrashAfterAsync(step);
        await harness.ResumeAsync();

        Assert.Equal((1, 1, 2), (harness.Account.Count("secrets.generate"), harness.Account.Count("hsm.change-password"), harness.Account.Count("secrets.put")));
    }

    [Fact]
    public async Task CrashAfterChangePasswordLandedResumesWithOneLoginNotASecondChange()
    {
        var harness = new RotationHarness();
        var changed = false;
        harness.Account.BeforeCall = call =>
        {
            if (changed && call == "secrets.move")
            {
                throw new InjectedCrashException("after change-password");
            }

            changed |= call == "hsm.change-password";
        };

        await Assert.ThrowsAsync<InjectedCrashException>(() => harness.RunAsync());
        harness.Account.BeforeCall = null;
        var result = await harness.ResumeAsync();

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Equal(1, harness.Account.Count("hsm.change-password"));
        Assert.Equal(0, harness.Account.HsmUsers["cluster-green00000001"].FailedLogins);
    }

    [Fact]
    public async Task ResumeFromAnotherRunIdWaitsForTheCrashedRunsLockToExpire()
    {
        var harness = new RotationHarness();
        await harness.CrashAfterAsync("seed-secret");

        var refused = await harness.ResumeAsync("run-other");
        harness.Account.Clock.Advance(RotationOptions.Default.LeaseDuration);
        var resumed = await harness.ResumeAsync("run-other");

        Assert.Equal(RotationOutcome.NeedsOperator, refused.Outcome);
        Assert.Contains("run run-1", refused.Message, StringComparison.Ordinal);
        Assert.Equal(RotationOutcome.Done, resumed.Outcome);
    }
}
