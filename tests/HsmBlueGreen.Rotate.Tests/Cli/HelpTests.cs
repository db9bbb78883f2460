using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Tests.Cli;

/// <summary>`--help` on every verb lists every option it declares, with a description, and shows examples.</summary>
public sealed class HelpTests
{
    public static TheoryData<string> Verbs()
    {
        var paths = new TheoryData<string>();
        foreach (var command in Commands.All())
        {
            if (command.Subcommands.Count == 0)
            {
                paths.Add(command.Name);
            }

            foreach (var sub in command.Subcommands)
            {
                paths.Add($"{command.Name} {sub.Name}");
            }
        }

        return paths;
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task EveryVerbsHelpListsEachDeclaredOptionWithItsDescriptionAndAnExample(string path)
    {
        var verb = Find(path);

        var run = await new ProgramFixture().RunAsync([.. path.Split(' '), "--help"]);

        Assert.Equal(Exit.Done, run.Exit);
        Assert.All(verb.Options.All, option =>
        {
            Assert.Contains($"--{option}", run.Out, StringComparison.Ordinal);
            Assert.NotEqual(string.Empty, OptionHelp.For(verb.Name, option).Description);
        });
        Assert.Contains($"Examples:\n  hsm-rotate {path}", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plan --help", "--bake <bake>")]
    [InlineData("plan -h", "[default: 5m]")]
    [InlineData("help run", "(e.g. --max-latency 800ms)")]
    public async Task HelpShowsDefaultsAndExampleValues(string commandLine, string expected)
    {
        var run = await new ProgramFixture().RunAsync(commandLine);

        Assert.Equal(Exit.Done, run.Exit);
        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TopLevelHelpListsEveryVerb()
    {
        var run = await new ProgramFixture().RunAsync("--help");

        Assert.Equal(Exit.Done, run.Exit);
        Assert.All(Commands.All(), verb => Assert.Contains($"\n  {verb.Name} ", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoArgumentsPrintsTheUsageOnStderrAndExitsTwo()
    {
        var run = await new ProgramFixture().RunAsync();

        Assert.Equal((Exit.BadInput, string.Empty), (run.Exit, run.Out));
        Assert.Contains(" [command] [options]", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VersionPrintsTheAssemblyVersion()
    {
        var run = await new ProgramFixture().RunAsync("--version");

        Assert.Equal(Exit.Done, run.Exit);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Out);
    }

    [Fact]
    public async Task TheSuggestDirectiveCompletesAVerbsOptions()
    {
        var run = await new ProgramFixture().RunAsync("[suggest:9]", "plan --st");

        Assert.Equal(Exit.Done, run.Exit);
        Assert.Equal(["--stack", "--steps", "--strategy"], run.Out.ReplaceLineEndings("\n").Trim().Split('\n'));
    }

    private static ICliCommand Find(string path)
    {
        var names = path.Split(' ');
        var verb = Commands.All().Single(c => c.Name == names[0]);
        return names.Length == 1 ? verb : verb.Subcommands.Single(c => c.Name == names[1]);
    }
}
