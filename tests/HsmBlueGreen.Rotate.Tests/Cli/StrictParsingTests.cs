namespace HsmBlueGreen.Rotate.Tests.Cli;

/// <summary>Every token the verb does not declare is refused as one line naming it and the fix, exit 2, before anything runs.</summary>
public sealed class StrictParsingTests
{
    [Theory]
    [InlineData("run --stack dev -dry-run", "hsm-rotate run: '-dry-run' is not an option: options start with two ASCII hyphens. Fix: type --dry-run.")]
    [InlineData("run --stack dev \u2014dry-run", "hsm-rotate run: '\u2014dry-run' is not an option: options start with two ASCII hyphens. Fix: type --dry-run.")]
    [InlineData("run --stack dev \u2013dry-run", "hsm-rotate run: '\u2013dry-run' is not an option: options start with two ASCII hyphens. Fix: type --dry-run.")]
    [InlineData("plan --stack dev extra junk", "hsm-rotate plan: unexpected argument 'extra': plan takes no more bare words.")]
    [InlineData("abort --stack dev green", "hsm-rotate abort: unexpected argument 'green': abort takes no more bare words.")]
    [InlineData("retire blue green --stack dev", "hsm-rotate retire: unexpected argument 'green'")]
    [InlineData("plan --stack dev --stack prod", "hsm-rotate plan: ")]
    [InlineData("plan --stack dev --bake", "hsm-rotate plan: --bake needs a value, e.g. --bake 10m.")]
    [InlineData("mfa verify --tokens t.json --public-key k.pub extra", "hsm-rotate mfa verify: unexpected argument 'extra'")]
    [InlineData("guardrails --stack dev --only", "hsm-rotate guardrails: --only needs a value, e.g. --only scp.")]
    public async Task AnUndeclaredTokenIsOneLineWithExitTwo(string commandLine, string message)
    {
        using var cli = new CliFixture();

        var run = await cli.RunAsync(commandLine);

        Assert.Equal(Exit.BadInput, run.Exit);
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.Equal(0, cli.PortsBuilt);
    }

    [Theory]
    [InlineData("plna --stack dev", "hsm-rotate: unknown command 'plna'; did you mean 'plan'?")]
    [InlineData("plan --stak dev", "hsm-rotate plan: unknown option '--stak'; did you mean --stack?")]
    [InlineData("run --stack dev --dryrun", "hsm-rotate run: unknown option '--dryrun'; did you mean --dry-run?")]
    [InlineData("mfa sing --tokens t.json", "hsm-rotate mfa: unknown subcommand 'sing'; did you mean 'sign'?")]
    public async Task AMistypedNameSuggestsTheNearestOne(string commandLine, string message)
    {
        var run = await new ProgramFixture().RunAsync(commandLine);

        Assert.Equal(Exit.BadInput, run.Exit);
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
    }
}
