namespace HsmBlueGreen.Rotate.Tests.Cli;

/// <summary>A stack that does not exist, or a setting Pulumi would file under another project, is refused before anything runs.</summary>
public sealed class StackRefusalTests
{
    [Fact]
    public async Task GuardrailsRefusesAnUnknownStackAsPlanDoes()
    {
        using var cli = new CliFixture();

        var plan = await cli.RunAsync("plan --stack nope");
        var guardrails = await cli.RunAsync("guardrails --stack nope");

        Assert.Equal((Exit.BadInput, Exit.BadInput), (plan.Exit, guardrails.Exit));
        Assert.Equal(plan.Error.Replace("hsm-rotate plan:", "hsm-rotate guardrails:", StringComparison.Ordinal), guardrails.Error);
    }

    [Fact]
    public async Task AKeyUnderAMisspeltNamespaceIsAnErrorNamingTheNearestKey()
    {
        using var cli = new CliFixture();
        File.AppendAllText(Path.Combine(cli.Directory, "Pulumi.dev.yaml"), "  hsm-bluegreen:stickinessSeconds: \"0\"\n");

        var run = await cli.RunAsync("plan --stack dev");

        Assert.Equal(Exit.BadInput, run.Exit);
        Assert.Equal("hsm-rotate plan: Pulumi.dev.yaml: 'hsm-bluegreen:stickinessSeconds' is under the namespace 'hsm-bluegreen', not 'hsm-blue-green', so it would be ignored. Fix: rename it to 'hsm-blue-green:stickinessSeconds'.\n", run.Error);
    }
}
