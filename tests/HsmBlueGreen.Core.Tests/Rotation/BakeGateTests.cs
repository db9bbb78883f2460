using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>
/// Target health and the 5xx rates are judged on every bake tick (argo-rollouts' background analysis): a failure rolls
/// back at once with one listener update; a tick without data keeps baking.
/// </summary>
public sealed class BakeGateTests
{
    private static readonly TimeSpan Bake = RotationOptions.Default.Bake;

    [Fact]
    public async Task AGreenWhoseTargetsDieMidBakeIsRolledBackBeforeTheBakeEnds()
    {
        var (harness, bakeStart) = WithFirstBakeStart();
        harness.Account.BeforeCall = call =>
        {
            if (bakeStart.Count > 0 && harness.Account.Clock.GetUtcNow() >= bakeStart[0] + TimeSpan.FromMinutes(2))
            {
                harness.Account.ForcedHealth["arn:tg/green"] = TargetHealthState.Unhealthy;
            }
        };

        var result = await harness.RunAsync();

        AssertRolledBackDuringTheFirstBake(harness, result, bakeStart[0], "targets-healthy");
    }

    [Fact]
    public async Task AGreenThatStartsAnswering5xxMidBakeIsRolledBackBeforeTheBakeEnds()
    {
        var (harness, bakeStart) = WithFirstBakeStart();
        harness.Events.OnEvent += e =>
        {
            if (e.Kind == EventKinds.Bake && harness.Metrics.TargetFailsFrom is null)
            {
                harness.Metrics.TargetFailsFrom = e.At;
            }
        };

        var result = await harness.RunAsync();

        AssertRolledBackDuringTheFirstBake(harness, result, bakeStart[0], "5xx-rate");
    }

    [Fact]
    public async Task TicksWithoutDataKeepBakingAndOnlyTheJudgementAfterTheBakePauses()
    {
        var (harness, bakeStart) = WithFirstBakeStart();
        harness.Metrics.NoData = true;

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        var paused = harness.Events.Events.Single(e => e.Kind == EventKinds.Paused);
        Assert.True(paused.At >= bakeStart[0] + Bake, $"paused at {paused.At:HH:mm:ss}, before the bake ended at {bakeStart[0] + Bake:HH:mm:ss}");
    }

    private static (RotationHarness Harness, List<DateTimeOffset> BakeStart) WithFirstBakeStart()
    {
        var harness = new RotationHarness();
        var bakeStart = new List<DateTimeOffset>();
        harness.Events.OnEvent = e =>
        {
            if (e.Kind == EventKinds.Bake && bakeStart.Count == 0)
            {
                bakeStart.Add(e.At);
            }
        };
        return (harness, bakeStart);
    }

    /// <summary>Rolled back by <paramref name="gate"/> at 10% before its bake ended, with one listener update (10%, then the rollback).</summary>
    private static void AssertRolledBackDuringTheFirstBake(RotationHarness harness, RunResult result, DateTimeOffset bakeStart, string gate)
    {
        Assert.Equal(RotationOutcome.RolledBack, result.Outcome);
        Assert.Contains($"gate {gate} failed during the bake at 10%", result.Message, StringComparison.Ordinal);
        Assert.True(RolledBackAt(harness) < bakeStart + Bake, $"rolled back at {RolledBackAt(harness):HH:mm:ss}, the bake ends at {bakeStart + Bake:HH:mm:ss}");
        Assert.Equal(2, harness.Account.WeightChanges);
    }

    /// <summary>When the rollback's listener update was recorded.</summary>
    private static DateTimeOffset RolledBackAt(RotationHarness harness) =>
        harness.Events.Events.Last(e => e.Kind == EventKinds.Call && e.Data?.GetValueOrDefault("api") == "elbv2:ModifyListener").At;
}
