using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;

namespace HsmBlueGreen.Rotate.Tests;

/// <summary>
/// Runs the real CLI host in-process (GitVersion's ProgramFixture): a temporary project directory holding the repo's
/// Pulumi.yaml and Pulumi.dev.yaml, the in-memory account behind every port, the fake clock, captured writers.
/// </summary>
internal sealed class CliFixture : IDisposable
{
    public CliFixture(string stack = "dev", FakeAccount? account = null)
    {
        Directory = Path.Combine(Path.GetTempPath(), "hsm-rotate-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var file in new[] { "Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.prod.yaml" })
        {
            File.Copy(Path.Combine(RepoRoot, file), Path.Combine(Directory, file));
        }

        Account = account ?? new FakeAccount(stack);
    }

    /// <summary>The dev stack changed to two crypto users on blue's cluster (dual-user), with the fake account to match.</summary>
    public static CliFixture DualUser()
    {
        var cli = new CliFixture("dev", FakeAccount.DualUser("dev"));
        var path = Path.Combine(cli.Directory, "Pulumi.dev.yaml");
        var yaml = File.ReadAllText(path)
            .Replace("      sourceBackupId: backup-rtq2dwi2gq6\n      cryptoUser: app_cu\n", "      clusterId: cluster-jxhlf7644ne\n      cryptoUser: app_cu2\n", StringComparison.Ordinal)
            .Replace("  hsm-blue-green:traffic:", "  hsm-blue-green:keyLabels:\n    - app-signing-key\n    - app-data-key\n  hsm-blue-green:traffic:", StringComparison.Ordinal);
        Assert.Contains("app_cu2", yaml, StringComparison.Ordinal);
        File.WriteAllText(path, yaml);
        return cli;
    }

    public static string RepoRoot { get; } = FindRepoRoot();

    public string Directory { get; }

    public FakeAccount Account { get; }

    public FakeMetrics Metrics => metrics ??= new FakeMetrics(Account);

    public int PortsBuilt { get; private set; }

    /// <summary>Everything written to stdout, stderr and the journal over every command run so far.</summary>
    public string AllOutput => string.Join("\n", runs.Select(r => r.Out + r.Error)) + "\n" + Journal;

    public string Journal => File.Exists(JournalPath) ? File.ReadAllText(JournalPath) : string.Empty;

    public string JournalPath => Path.Combine(Directory, ".hsm-rotate", $"{Account.Stack}.journal.jsonl");

    private readonly List<CliRun> runs = [];
    private FakeMetrics? metrics;

    /// <param name="terminal">Whether stdout counts as a terminal a person watches (the live view) rather than a pipe.</param>
    public async Task<CliRun> RunAsync(string commandLine, string input = "", string? workingDirectory = null, bool terminal = false, CancellationToken cancellationToken = default)
    {
        var program = new ProgramFixture
        {
            WorkingDirectory = workingDirectory ?? Directory,
            Input = input,
            Clock = Account.Clock,
            OutputIsTerminal = terminal,
            Cancellation = cancellationToken,
            RotationPorts = (_, _) =>
            {
                PortsBuilt++;
                return Account.Ports(metrics: Metrics);
            },
        };
        var run = await program.RunAsync(commandLine);
        runs.Add(run);
        return run;
    }

    /// <summary>The next call named <paramref name="call"/> throws, as a crash of the process there would.</summary>
    public void CrashAt(string call) => Account.BeforeCall = c =>
    {
        if (c == call)
        {
            throw new InjectedCrashException(c);
        }
    };

    /// <summary>A whole rotation to green, then blue tagged for retirement and drained, and CloudHSM's next backup of green taken.</summary>
    public async Task RotateAndDrainBlueAsync()
    {
        await RunAsync("run --stack dev --yes");
        Account.TagForRetire(Color.Blue);
        Account.Clock.Advance(TimeSpan.FromMinutes(10));
        Account.TakeBackup(Color.Green, Account.Clock.GetUtcNow(), "backup-green00000009");
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")) && File.Exists(Path.Combine(dir.FullName, "HsmBlueGreen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (Pulumi.yaml beside HsmBlueGreen.sln) was not found above the test binaries");
    }
}
