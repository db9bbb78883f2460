using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Strategies;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>A crash at any step boundary leaves AWS in a state the next resume recognises and finishes, doing nothing twice.</summary>
public sealed class CrashResumeTests
{
    /// <summary>Every step boundary of every implemented strategy.</summary>
    public static TheoryData<string, string> Boundaries()
    {
        var data = new TheoryData<string, string>();
        foreach (var strategy in RotationStrategies.Keys)
        {
            foreach (var step in For(strategy).Plan().Steps.Where(s => s is not RotationStep.Finish))
            {
                data.Add(strategy, step.Name);
            }
        }

        return data;
    }

    /// <summary>Each strategy's scenario stack; a strategy without one fails here until its tests give it one.</summary>
    private static RotationHarness For(string strategy) => strategy switch
    {
        "green-cluster" => new RotationHarness(),
        "dual-user" => RotationHarness.DualUser(),
        "maintenance-window" => RotationHarness.MaintenanceWindow(),
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "no scenario stack for this strategy yet"),
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public async Task CrashAfterAStepThenResumeReachesTheHappyPathsEndState(string strategy, string step)
    {
        var expected = For(strategy);
        await expected.RunAsync();
        var harness = For(strategy);
        await harness.CrashAfterAsync(step);
        var result = await harness.ResumeFromRecordAsync();

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Equal(expected.EndState(), harness.EndState());
    }

    [Theory]
    [MemberData(nameof(Boundaries))]
    public async Task CrashAfterAStepThenResumeDoesNoSecretWorkTwice(string strategy, string step)
    {
        var harness = For(strategy);
        var puts = harness.Plan().Steps.Count(s => s is RotationStep.SeedSecret or RotationStep.CreatePending);
        await harness.CrashAfterAsync(step);
        await harness.ResumeAsync();

        Assert.Equal((1, 1, puts), (harness.Account.Count("secrets.generate"), harness.Account.Count("hsm.change-password"), harness.Account.Count("secrets.put")));
    }

    [Fact]
    public async Task CrashAfterChangePasswordLandedResumesFromTheCommandHistoryNotASecondChange()
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
