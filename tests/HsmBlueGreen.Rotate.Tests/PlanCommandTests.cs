namespace HsmBlueGreen.Rotate.Tests;

/// <summary>`plan` output is the README's first command: approved golden files, exact text, no ports built.</summary>
public sealed class PlanCommandTests
{
    [Theory]
    [InlineData("plan-dev", "dev", "")]
    [InlineData("plan-prod", "prod", "")]
    [InlineData("plan-prod-custom", "prod", "--steps 5,20,100 --bake 15m --pause-at 20 --smoke-path /health/hsm")]
    [InlineData("plan-prod-gates", "prod", "--max-5xx-rate 2 --max-latency 800ms --min-requests 100")]
    [InlineData("plan-dev-maintenance-window", "dev", "--strategy maintenance-window --window-start 02:00 --window-duration 45m")]
    [InlineData("plan-dev-compare", "dev", "--compare")]
    [InlineData("plan-prod-compare", "prod", "--compare")]
    [InlineData("plan-prod-compare-window", "prod", "--compare --window-start 01:00 --window-duration 30m")]
    public async Task PlanOutputMatchesTheApprovedFile(string name, string stack, string options)
    {
        using var cli = new CliFixture();

        var run = await cli.RunAsync($"plan --stack {stack} {options}");

        Assert.Equal(Exit.Done, run.Exit);
        Assert.Equal(string.Empty, run.Error);
        Approvals.Verify(name, run.Out);
    }

    [Fact]
    public async Task DualUserPlanMatchesTheApprovedFile()
    {
        using var cli = CliFixture.DualUser();

        var run = await cli.RunAsync("plan --stack dev --strategy dual-user");

        Assert.Equal((Exit.Done, string.Empty), (run.Exit, run.Error));
        Approvals.Verify("plan-dev-dual-user", run.Out);
    }

    [Fact]
    public async Task CompareRecommendsDualUserWhenBothSlotsShareACluster()
    {
        using var cli = CliFixture.DualUser();

        var run = await cli.RunAsync("plan --stack dev --compare");

        Assert.Contains("Fits the stated constraints: dual-user (no downtime and no extra HSM).", run.Out, StringComparison.Ordinal);
        Assert.Contains("  green-cluster       no: slots.green is not restored from a backup", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompareBuildsNoPorts()
    {
        using var cli = new CliFixture();

        await cli.RunAsync("plan --stack prod --compare");

        Assert.Equal(0, cli.PortsBuilt);
    }

    [Fact]
    public async Task PlanBuildsNoPortsSoItNeedsNoCredentials()
    {
        using var cli = new CliFixture();

        await cli.RunAsync("plan --stack prod");

        Assert.Equal(0, cli.PortsBuilt);
        Assert.Empty(cli.Account.Calls);
    }

    [Fact]
    public async Task PlanRunsFromASubdirectoryOfTheProject()
    {
        using var cli = new CliFixture();
        var sub = Directory.CreateDirectory(Path.Combine(cli.Directory, "src", "deeper")).FullName;

        var run = await cli.RunAsync("plan --stack dev", workingDirectory: sub);

        Assert.Equal(Exit.Done, run.Exit);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task EveryResourceThePlanNamesIsDeclaredByTheInfraProgram(string stack)
    {
        using var cli = new CliFixture();
        var program = File.ReadAllText(Path.Combine(CliFixture.RepoRoot, "tests", "HsmBlueGreen.Infra.Tests", "Golden", $"{stack}.yaml"));
        var declared = System.Text.RegularExpressions.Regex.Matches(program, "^  ([a-z0-9-]+):$", System.Text.RegularExpressions.RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();

        var run = await cli.RunAsync($"plan --stack {stack}");
        var named = run.Out.Split('\n').SkipWhile(l => !l.StartsWith("Green slot as 'pulumi up' declares it", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => l.Length > 0)
            .SelectMany(l => System.Text.RegularExpressions.Regex.Matches(l, "green-[a-z0-9-]*[a-z0-9]").Select(m => m.Value))
            .ToList();

        Assert.True(named.Count >= 8, $"the plan names only {named.Count} green resources");
        Assert.All(named, name => Assert.Contains(name, declared));
    }
}
