using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>
/// A weight is set-weight, bake, judge and (with --pause-at) pause, each done on its own: a crash between two of them
/// resumes at the first one not done, to the same end state, and never judges a weight whose bake did not end.
/// </summary>
public sealed class WeightStepCrashTests
{
    private static readonly TimeSpan Bake = RotationOptions.Default.Bake;

    [Fact]
    public async Task ACrashBetweenSetWeightAndBakeBakesTheWholeTimeWithoutSettingTheWeightAgain()
    {
        var harness = new RotationHarness();
        await harness.CrashAfterAsync("set-weight-25");
        var resumedFrom = harness.Events.Events.Count;

        var result = await harness.ResumeFromRecordAsync();

        var resumed = harness.Events.Events.Skip(resumedFrom).ToList();
        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Equal("300", resumed.First(e => e.Kind == EventKinds.Bake && e.Step == "bake-25").Data!["remainingSeconds"]);
        Assert.Single(harness.Events.Events, e => e.Kind == EventKinds.Call && e.Data!["api"] == "elbv2:ModifyListener" && e.Data.GetValueOrDefault("target") == "25");
        Assert.Equal(await HappyEndState(), harness.EndState());
    }

    [Fact]
    public async Task ACrashMidBakeBakesTheWholeTimeAgainBeforeTheJudgement()
    {
        var harness = new RotationHarness();
        var bakeEvents = 0;
        harness.Events.OnEvent = e =>
        {
            if (e.Kind == EventKinds.Bake && e.Step == "bake-25" && ++bakeEvents == 3)
            {
                throw new InjectedCrashException("mid bake-25");
            }
        };
        await Assert.ThrowsAsync<InjectedCrashException>(() => harness.RunAsync());
        harness.Events.OnEvent = null;
        var resumedFrom = harness.Events.Events.Count;

        var result = await harness.ResumeFromRecordAsync();

        var resumed = harness.Events.Events.Skip(resumedFrom).ToList();
        var bakeStarted = resumed.Single(e => e.Kind == EventKinds.StepStarted && e.Step == "bake-25");
        var judgeStarted = resumed.Single(e => e.Kind == EventKinds.StepStarted && e.Step == "judge-25");
        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.True(judgeStarted.At - bakeStarted.At >= Bake, $"judged {judgeStarted.At - bakeStarted.At} after the bake restarted; the bake is {Bake}");
        Assert.Equal(await HappyEndState(), harness.EndState());
    }

    [Fact]
    public async Task ACrashBetweenBakeAndJudgeJudgesTheBakeThatEnded()
    {
        var harness = new RotationHarness();
        await harness.CrashAfterAsync("bake-25");
        var resumedFrom = harness.Events.Events.Count;

        var result = await harness.ResumeFromRecordAsync();

        var resumed = harness.Events.Events.Skip(resumedFrom).ToList();
        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Contains(resumed, e => e.Kind == EventKinds.StepSkipped && e.Step == "bake-25");
        Assert.Contains(resumed, e => e.Kind == EventKinds.Gate && e.Step == "judge-25");
        Assert.Equal(await HappyEndState(), harness.EndState());
    }

    [Fact]
    public async Task ACrashBetweenJudgeAndPauseStillPausesWithoutJudgingAgain()
    {
        var harness = PausingAt25();
        await harness.CrashAfterAsync("judge-25");
        var resumedFrom = harness.Events.Events.Count;

        var result = await harness.ResumeFromRecordAsync();

        var resumed = harness.Events.Events.Skip(resumedFrom).ToList();
        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.StartsWith("paused at 25% as asked (--pause-at)", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(resumed, e => e.Kind == EventKinds.Gate);
        Assert.Equal(25, harness.Account.TargetPercent(Color.Green));
    }

    [Fact]
    public async Task APromotedPauseStaysDoneWhenThePromotedRunCrashes()
    {
        var harness = PausingAt25();
        await harness.RunAsync();
        harness.Events.OnEvent = e =>
        {
            if (e.Kind == EventKinds.StepSkipped && e.Step == "pause-25")
            {
                throw new InjectedCrashException("after the promoted pause");
            }
        };
        await Assert.ThrowsAsync<InjectedCrashException>(() => harness.ResumeFromRecordAsync(promote: true));
        harness.Events.OnEvent = null;

        var result = await harness.ResumeFromRecordAsync();

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Equal(100, harness.Account.TargetPercent(Color.Green));
    }

    [Fact]
    public async Task AWeightFoundBelowItsStepAfterACrashIsSetAndBakedAgain()
    {
        var harness = new RotationHarness();
        await harness.CrashAfterAsync("judge-25");
        // Someone moved the listener back by hand while the run was down: the judged 25% no longer holds.
        harness.Account.Weights = [new("arn:tg/blue", 90), new("arn:tg/green", 10)];
        var resumedFrom = harness.Events.Events.Count;

        var result = await harness.ResumeFromRecordAsync();

        var resumed = harness.Events.Events.Skip(resumedFrom).ToList();
        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Equal(["set-weight-25", "bake-25", "judge-25"], resumed.Where(e => e.Kind == EventKinds.StepStarted && e.Step!.EndsWith("-25", StringComparison.Ordinal)).Select(e => e.Step));
    }

    private static RotationHarness PausingAt25() => new() { Options = RotationOptions.Default with { PauseAt = 25 } };

    private static async Task<string> HappyEndState()
    {
        var expected = new RotationHarness();
        await expected.RunAsync();
        return expected.EndState();
    }
}
