using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>`plan` describes what will run from the same step data that runs it: no AWS call a run makes is missing from its step's description.</summary>
public sealed class PlanCoversRunTests
{
    public static TheoryData<string> Scenarios() => ["green-cluster", "green-cluster with smoke check", "dual-user", "maintenance-window"];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task EveryCallARunRecordsIsNamedInItsStepsDescription(string scenario)
    {
        var harness = Harness(scenario);

        var result = await harness.RunAsync();

        Assert.True(result.Outcome == RotationOutcome.Done, result.Message);
        var plan = harness.Plan();
        var described = plan.Steps.ToDictionary(s => s.Name, s => StepText.For(s, plan), StringComparer.Ordinal);
        var missing = harness.Events.Events
            .Where(e => e.Kind == EventKinds.Call && e.Step is not null)
            .Select(e => (Step: e.Step!, Api: e.Data!["api"]))
            .Distinct()
            .Where(c => !Names(described[DescribedIn(c.Step, c.Api)], c.Api))
            .Select(c => $"{c.Step}: {c.Api}")
            .ToList();
        Assert.True(missing.Count == 0, "calls the plan does not name: " + string.Join("; ", missing));
    }

    /// <summary>The lease and the run record are the runner's, renewed or written at every step: the plan names them once, with preflight.</summary>
    private static string DescribedIn(string step, string api) => api.StartsWith("lock:", StringComparison.Ordinal) || api.StartsWith("record:", StringComparison.Ordinal) ? "preflight" : step;

    private static bool Names(StepText text, string api) => text.Reads.Concat(text.Changes).Any(line => line.Contains(api, StringComparison.Ordinal));

    private static RotationHarness Harness(string scenario)
    {
        switch (scenario)
        {
            case "dual-user":
                return RotationHarness.DualUser();
            case "maintenance-window":
                return RotationHarness.MaintenanceWindow();
            case "green-cluster with smoke check":
                var harness = new RotationHarness { Options = RotationOptions.Default with { SmokePath = "/health/hsm" } };
                harness.Account.TestRoutes.UnionWith(["arn:tg/blue", "arn:tg/green"]);
                return harness;
            default:
                return new RotationHarness();
        }
    }
}
