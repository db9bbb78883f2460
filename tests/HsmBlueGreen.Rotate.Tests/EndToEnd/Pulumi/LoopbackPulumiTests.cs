using HsmBlueGreen.Aws.Stack;
using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;

namespace HsmBlueGreen.Rotate.Tests.EndToEnd.Pulumi;

/// <summary>The end-to-end pulumi is tied to the infra program and is strict about what it is asked.</summary>
public sealed class LoopbackPulumiTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void EveryResourceTypeTheProgramDeclaresIsOneTheLoopbackPulumiApplies(string stack)
    {
        var program = DeclaredProgram.Emit(CliFixture.RepoRoot, stack);

        Assert.All(program.Resources.Select(r => r.Type).Distinct(), type => Assert.True(AccountEffects.Observed.Contains(type) || AccountEffects.Unobserved.Contains(type), $"{type} is not modelled"));
    }

    [Fact]
    public void EveryTypeItAppliesToTheAccountIsOneTheProgramDeclares()
    {
        var declared = DeclaredProgram.Emit(CliFixture.RepoRoot, "dev").Resources.Select(r => r.Type).ToHashSet();

        Assert.All(AccountEffects.Observed.Concat(AccountEffects.Unobserved), type => Assert.Contains(type, declared));
    }

    [Theory]
    [InlineData("destroy --yes --stack dev")]
    [InlineData("up --yes --stack dev")]
    [InlineData("stack output --json --show-secrets --stack dev")]
    [InlineData("config set --stack dev slots.green.clientCount 1")]
    public async Task ACommandLinePulumiStackControlNeverRunsIsRefused(string commandLine)
    {
        using var project = new CliFixture();
        using var pulumi = new LoopbackPulumi(new FakeAwsAccount { Clock = new FakeClock() }, project.Directory);

        var result = await ProcessRunner.RunAsync(pulumi.Executable, commandLine.Split(' '), project.Directory, TimeSpan.FromSeconds(60), CancellationToken.None);

        Assert.True(result.ExitCode != 0 && result.StandardError.Contains("does not serve", StringComparison.Ordinal), result.StandardError);
    }
}
