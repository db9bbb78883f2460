using HsmBlueGreen.Infra.Declarations;
using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>
/// The compiler runs, done once for the class: a real process each, so they are shared. The first one publishes
/// the native program when a source is newer than it (a minute or more); the others run it as it is.
/// </summary>
public sealed class CompilerRuns
{
    public CompilerRuns()
    {
        var devYaml = File.ReadAllText(Path.Combine(Repo.Root, "Pulumi.dev.yaml"));
        Run = CompilerProcess.Run(Variables("dev"));
        Prod = CompilerProcess.Run(Variables("prod"));
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

    public InfraRun Prod { get; }

    public InfraRun WrongStack { get; }

    public InfraRun Discovery { get; }

    public InfraRun BadConfig { get; }

    /// <summary>What Pulumi's YAML host passes when it runs the compiler for a stack of this repository.</summary>
    public static Dictionary<string, string> Variables(string stack, string? root = null) => new()
    {
        ["PULUMI_STACK"] = stack,
        ["PULUMI_PROJECT"] = "hsm-blue-green",
        ["PULUMI_ORGANIZATION"] = "organization",
        ["PULUMI_ROOT_DIRECTORY"] = root ?? Repo.Root,
        ["PULUMI_CONFIG"] = PulumiConfigJson.FromStackFile(File.ReadAllText(Path.Combine(Repo.Root, $"Pulumi.{stack}.yaml"))),
    };
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
        var script = File.ReadAllLines(Path.Combine(Repo.Root, "infra", "compile.sh")).Select(l => l.Trim()).ToList();
        var builds = script.Where(l => l.StartsWith("dotnet build", StringComparison.Ordinal) || l.StartsWith("dotnet publish", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, builds.Count);
        Assert.All(builds, l => Assert.Contains(" 1>&2", l, StringComparison.Ordinal));
    }

    [Fact]
    public void CompileScriptRunsEitherTheNativeOrTheJitProgramWithTheHostsArguments()
    {
        var script = File.ReadAllLines(Path.Combine(Repo.Root, "infra", "compile.sh")).Select(l => l.Trim());

        Assert.Equal(["exec \"$native\" \"$@\" 9>&-", "exec dotnet \"$dll\" \"$@\" 9>&-"], script.Where(l => l.StartsWith("exec ", StringComparison.Ordinal) && l.Contains("\"$@\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void UpToDateNativeProgramRunsWithoutBuildingOrFallingBack()
    {
        Assert.True(runs.Discovery.ExitCode == 0, runs.Discovery.Stderr);
        Assert.Equal(string.Empty, runs.Discovery.Stderr);
        Assert.True(File.Exists(Path.Combine(Repo.Root, "infra", "HsmBlueGreen.Infra", "bin", "native", "HsmBlueGreen.Infra")));
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
    public void ProdRunPrintsExactlyWhatTheOfflineRunPrints()
    {
        Assert.True(runs.Prod.ExitCode == 0, runs.Prod.Stderr);
        Assert.Equal(InfraRun.Stack("prod").Stdout, runs.Prod.Stdout);
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
