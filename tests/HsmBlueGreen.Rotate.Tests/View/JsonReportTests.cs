using System.Text.Json;

namespace HsmBlueGreen.Rotate.Tests.View;

/// <summary>--json on the verbs that report: machine-readable documents or event lines, nothing else on stdout.</summary>
public sealed class JsonReportTests
{
    [Fact]
    public async Task PlanJsonListsEveryStepWithWhatItReadsAndChangesAndTheEstimate()
    {
        using var cli = new CliFixture();

        var run = await cli.RunAsync("plan --stack dev --json");

        using var plan = JsonDocument.Parse(run.Out);
        var root = plan.RootElement;
        var steps = root.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(("plan", "green"), (root.GetProperty("kind").GetString(), root.GetProperty("target").GetString()));
        Assert.Equal(["preflight", "quiesce", "seed-secret", "create-pending", "set-password", "verify-password", "promote-secret", "start-target", "set-weight-10", "bake-10", "judge-10", "set-weight-25", "bake-25", "judge-25", "set-weight-50", "bake-50", "judge-50", "set-weight-100", "bake-100", "judge-100", "done"], steps);
        Assert.True(root.GetProperty("typicalSeconds").GetInt32() < root.GetProperty("atMostSeconds").GetInt32(), run.Out);
        Assert.Equal(0, cli.PortsBuilt);
    }

    [Fact]
    public async Task PlanRefusesJsonWithCompare()
    {
        using var cli = new CliFixture();

        var run = await cli.RunAsync("plan --stack dev --json --compare");

        Assert.Equal((Exit.BadInput, string.Empty), (run.Exit, run.Out));
    }

    [Fact]
    public async Task GuardrailsJsonHoldsBothPoliciesAsJsonObjects()
    {
        var run = await new ProgramFixture().RunAsync("guardrails", "--stack", "dev", "--json");

        using var document = JsonDocument.Parse(run.Out);
        var root = document.RootElement;
        Assert.Equal("guardrails", root.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("serviceControlPolicy").GetProperty("Statement").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("permissionsBoundary").GetProperty("Statement").ValueKind);
    }

    [Fact]
    public async Task AbortJsonWritesEventLinesEndingWithTheEndedEvent()
    {
        using var cli = new CliFixture();
        await cli.RunAsync("run --stack dev --yes --pause-at 25");

        var abort = await cli.RunAsync("abort --stack dev --json");

        var events = ViewEvents.Elements(abort.Out);
        Assert.True(abort.Exit == Exit.Done, abort.ToString());
        Assert.Equal(("ended", "abort"), (events[^1].GetProperty("kind").GetString(), events[^1].GetProperty("data").GetProperty("verb").GetString()));
    }

    [Fact]
    public async Task RetireJsonWritesEventLinesEndingWithTheEndedEvent()
    {
        using var cli = new CliFixture();
        await cli.RotateAndDrainBlueAsync();

        var retire = await cli.RunAsync("retire blue --stack dev --yes --json");

        var events = ViewEvents.Elements(retire.Out);
        Assert.True(retire.Exit == Exit.Done, retire.ToString());
        Assert.Equal(("ended", "0"), (events[^1].GetProperty("kind").GetString(), events[^1].GetProperty("data").GetProperty("exitCode").GetString()));
    }
}
