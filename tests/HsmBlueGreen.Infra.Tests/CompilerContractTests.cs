using HsmBlueGreen.Infra.Build;
using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>The two compiler runs, done once for the class: a real process each, so they are shared.</summary>
public sealed class CompilerRuns
{
    public CompilerRuns()
    {
        var devYaml = File.ReadAllText(Path.Combine(Repo.Root, "Pulumi.dev.yaml"));
        Run = CompilerProcess.Run(new Dictionary<string, string>
        {
            ["PULUMI_STACK"] = "dev",
            ["PULUMI_PROJECT"] = "hsm-blue-green",
            ["PULUMI_ORGANIZATION"] = "organization",
            ["PULUMI_ROOT_DIRECTORY"] = Repo.Root,
            ["PULUMI_CONFIG"] = PulumiConfigJson.FromStackFile(devYaml),
        });
        Discovery = CompilerProcess.Run(new Dictionary<string, string>());
        BadConfig = CompilerProcess.Run(new Dictionary<string, string>
        {
            ["PULUMI_STACK"] = "dev",
            ["PULUMI_PROJECT"] = "hsm-blue-green",
            ["PULUMI_ROOT_DIRECTORY"] = Repo.Root,
            ["PULUMI_CONFIG"] = PulumiConfigJson.FromStackFile(devYaml.Replace("ami-0b7e9f1a3c5d7e9f1", "ami-oops", StringComparison.Ordinal)),
        });
        // An exported PULUMI_STACK=prod wins over `pulumi preview --stack dev`, which still passes dev's config.
        WrongStack = CompilerProcess.Run(new Dictionary<string, string>
        {
            ["PULUMI_STACK"] = "prod",
            ["PULUMI_PROJECT"] = "hsm-blue-green",
            ["PULUMI_ROOT_DIRECTORY"] = Repo.Root,
            ["PULUMI_CONFIG"] = PulumiConfigJson.FromStackFile(devYaml),
        });
    }

    public InfraRun Run { get; }

    public InfraRun WrongStack { get; }

    public InfraRun Discovery { get; }

    public InfraRun BadConfig { get; }
}

public sealed class CompilerContractTests(CompilerRuns runs) : IClassFixture<CompilerRuns>
{
    [Fact]
    public void CompilerCommandIsSplitIntoAProgramAndItsArguments()
    {
        var argv = ShellWords.Split(CompilerProcess.Command());

        Assert.True(argv.Count >= 1);
        Assert.DoesNotContain(argv, a => a is "|" or "&&" or ";");
    }

    [Fact]
    public void CompileScriptSendsEveryBuildLineToStderr()
    {
        var script = File.ReadAllLines(Path.Combine(Repo.Root, "infra", "compile.sh"));
        var builds = script.Where(l => l.TrimStart().StartsWith("dotnet build", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(builds);
        Assert.All(builds, l => Assert.Contains(" 1>&2", l, StringComparison.Ordinal));
        Assert.Equal("exec dotnet \"$dll\" \"$@\"", script.Last(l => l.Length > 0));
    }

    [Fact]
    public void RunWithPulumiVariablesPrintsTheStacksProgram()
    {
        Assert.True(runs.Run.ExitCode == 0, runs.Run.Stderr);
        var program = CompilerProcess.ParseProgram(runs.Run.Stdout);

        Assert.Equal("hsm-blue-green", (string?)program["name"]);
        Assert.Contains("'dev'", (string?)program["description"], StringComparison.Ordinal);
        Assert.Empty(AwsSchema.Load().Check(program));
    }

    [Fact]
    public void RunWithPulumiVariablesPrintsExactlyWhatTheOfflineRunPrints()
    {
        Assert.Equal(InfraRun.Stack("dev").Stdout, runs.Run.Stdout);
    }

    [Fact]
    public void RunWithoutPulumiVariablesStillPrintsAValidProgram()
    {
        Assert.True(runs.Discovery.ExitCode == 0, runs.Discovery.Stderr);
        var program = CompilerProcess.ParseProgram(runs.Discovery.Stdout);

        Assert.Equal("hsm-blue-green", (string?)program["name"]);
        Assert.Empty(AwsSchema.Load().Check(program));
    }

    [Fact]
    public void BadConfigFailsThePulumiRunWithTheReasonOnStderrAndNothingOnStdout()
    {
        Assert.Equal((2, string.Empty), (runs.BadConfig.ExitCode, runs.BadConfig.Stdout));
        Assert.Contains("hsm-blue-green:clientAmiId = \"ami-oops\": is not an AMI id", runs.BadConfig.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExportedPulumiStackThatIsNotTheConfigsStackFailsTheRunAndSaysWhy()
    {
        Assert.Equal((2, string.Empty), (runs.WrongStack.ExitCode, runs.WrongStack.Stdout));
        Assert.Contains("PULUMI_STACK is 'prod' but PULUMI_CONFIG is not Pulumi.prod.yaml's config", runs.WrongStack.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void DiscoveryRunNamesEveryTypeOfTheStacksRunAtTheSameProviderVersion()
    {
        var run = ProgramFacts.TypesAndVersions(CompilerProcess.ParseProgram(runs.Run.Stdout));
        var discovery = ProgramFacts.TypesAndVersions(CompilerProcess.ParseProgram(runs.Discovery.Stdout));

        Assert.Subset(discovery, run);
        Assert.All(discovery, t => Assert.Equal(AwsProvider.Version, t.Version));
    }
}
