using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Gates;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>Each gate judges under its own <see cref="GateSpec"/> from the options: its threshold, its timing, its error limit.</summary>
public sealed class GateSpecTests
{
    [Fact]
    public async Task AGateJudgesWithItsOwnThresholdNotAnotherGates()
    {
        var harness = new RotationHarness { Options = With("alb-5xx-rate", g => g with { Threshold = 0.2 }) };
        harness.Metrics.LoadBalancer5xxPerMinute = harness.Metrics.RequestsPerMinute / 10;

        var result = await harness.RunAsync();

        Assert.Equal((RotationOutcome.Done, 100), (result.Outcome, harness.Account.TargetPercent(Color.Green)));
    }

    [Fact]
    public async Task AGateJudgedOnlyAfterTheBakeDoesNotEndTheBakeEarly()
    {
        var harness = new RotationHarness { Options = With("5xx-rate", g => g with { Judged = GateTiming.AfterBake }) };
        harness.Events.OnEvent += e =>
        {
            if (e.Kind == EventKinds.Bake && harness.Metrics.TargetFailsFrom is null)
            {
                harness.Metrics.TargetFailsFrom = e.At;
            }
        };

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.RolledBack, result.Outcome);
        Assert.Contains("gate 5xx-rate failed at 10%", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsWithoutAGatesSpecJudgeItWithItsDefaults()
    {
        var options = RotationOptions.Default with { Gates = new GateSpecs([]) };

        Assert.Equal(GateCatalogue.Defaults.Each, GateCatalogue.WithSpecs(options).Select(g => g.Spec));
    }

    [Fact]
    public void GateSpecsWithEqualEntriesAreEqualSoARecordReadBackComparesEqual()
    {
        var copy = new GateSpecs([.. GateCatalogue.Defaults.Each.Select(g => g with { })]);

        Assert.Equal(RotationOptions.Default, RotationOptions.Default with { Gates = copy });
    }

    private static RotationOptions With(string gate, Func<GateSpec, GateSpec> change) =>
        RotationOptions.Default with { Gates = RotationOptions.Default.Gates.With(g => g.Name == gate ? change(g) : g) };
}
