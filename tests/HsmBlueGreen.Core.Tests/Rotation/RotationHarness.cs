using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Record;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Strategies;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;
using HsmBlueGreen.Core.Tests.Settings;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>A stack (blue serving 100, green restored from blue's backup), the in-memory account, and runs against them.</summary>
internal sealed class RotationHarness
{
    public FakeAccount Account { get; init; } = new("test");

    public MemoryJournal Journal { get; } = new();

    public RecordingEvents Events { get; } = new();

    public StackSettings Settings { get; init; } = StackSettingsBinder.Bind("test", StackFileReader.Read("Pulumi.test.yaml", StackYaml.Valid));

    public RotationOptions Options { get; set; } = RotationOptions.Default;

    /// <summary>Both slots on one cluster as two crypto users (StackYaml.DualUser), rotated with --strategy dual-user.</summary>
    public static RotationHarness DualUser() => new()
    {
        Account = FakeAccount.DualUser(),
        Settings = StackSettingsBinder.Bind("test", StackFileReader.Read("Pulumi.test.yaml", StackYaml.DualUser)),
        Options = RotationOptions.Default with { StrategyKey = "dual-user" },
    };

    /// <summary>The usual stack rotated in place by --strategy maintenance-window, inside a window 05:30-06:30 UTC (the clock starts at 06:00).</summary>
    public static RotationHarness MaintenanceWindow(TimeSpan? maxDuration = null, TimeOnly? start = null) => new()
    {
        Options = RotationOptions.Default with
        {
            StrategyKey = "maintenance-window",
            Window = new Core.Rotation.Plan.MaintenanceWindow(start ?? new TimeOnly(5, 30), null, maxDuration ?? TimeSpan.FromHours(1)),
        },
    };

    /// <summary>The HSM's record of the user a slot logs in as.</summary>
    public HsmUserRecord UserOf(Color color) =>
        Account.UserOn(new HsmUserTarget(string.Empty, Account.Outputs.TryGetValue(color, out var outputs) ? outputs.ClusterId : $"cluster-{color.Key()}00000001", string.Empty, Settings.Slots[color].CryptoUser));

    public FakeMetrics Metrics => metrics ??= new FakeMetrics(Account);

    public ILoadBalancer? LoadBalancer { get; set; }

    private FakeMetrics? metrics;

    public RotationPlan Plan(Color? source = null) => RotationPlan.For(Settings, Options, source);

    public RotationRun NewRun(string runId = "run-1", bool acknowledge = false, int? promotedAt = null, CancellationToken cancellationToken = default) =>
        new(Plan(Color.Blue), Account.Ports(LoadBalancer, Metrics), Account.Clock, Journal, Events, runId, cancellationToken)
        {
            LoginFailureAcknowledged = acknowledge,
            PromotedAt = promotedAt,
        };

    public Task<RunResult> RunAsync(string runId = "run-1", bool dryRun = false) =>
        RotationRunner.RunAsync(NewRun(runId), new RunRequest(RunMode.Fresh, dryRun));

    public Task<RunResult> ResumeAsync(string runId = "run-1", bool acknowledge = false, int? promotedAt = null) =>
        RotationRunner.RunAsync(NewRun(runId, acknowledge, promotedAt), new RunRequest(RunMode.Resume, DryRun: false));

    /// <summary>
    /// `resume` (or `promote`) on a machine that knows nothing of the run: no journal, and the options, source, run id and
    /// pause from the run record in AWS; the harness's options only when no record was written.
    /// </summary>
    public async Task<RunResult> ResumeFromRecordAsync(bool promote = false)
    {
        var ports = Account.Ports(LoadBalancer, Metrics);
        var saved = await RunRecords.LatestAsync(Settings, ports, default);
        var plan = RotationPlan.For(Settings, saved?.Options ?? Options, saved?.Source ?? Color.Blue);
        var run = new RotationRun(plan, ports, Account.Clock, new MemoryJournal(), Events, saved?.RunId ?? "run-1", default)
        {
            SavedRecord = saved,
            PromotedAt = promote ? saved?.Pause?.Percent : null,
        };
        return await RotationRunner.RunAsync(run, new RunRequest(RunMode.Resume, DryRun: false));
    }

    /// <summary>Runs until the given step is done (or found done), then "crashes" the process there.</summary>
    public async Task CrashAfterAsync(string step)
    {
        Events.OnEvent = e =>
        {
            if ((e.Kind is EventKinds.StepDone or EventKinds.StepSkipped && e.Step == step) || (step == "preflight" && e.Kind == EventKinds.Lock))
            {
                throw new InjectedCrashException(step);
            }
        };
        try
        {
            await Assert.ThrowsAsync<InjectedCrashException>(() => RunAsync());
        }
        finally
        {
            Events.OnEvent = null;
        }
    }

    private static string RecordState(string json) =>
        RunRecordJson.Read(json) is var r ? $"{r.Steps[r.CurrentStepIndex]} of {r.Steps.Count} hash {r.StepsHash} paused {r.Pause is not null} aborted {r.Aborted}" : string.Empty;

    /// <summary>Everything a finished rotation leaves in the account, for comparing two ways of getting there.</summary>
    public string EndState()
    {
        var a = Account;
        var green = a.Secrets.DescribeAsync("arn:secret/green", default).Result;
        var blue = a.Secrets.DescribeAsync("arn:secret/blue", default).Result;
        string Stages(SecretVersions v) => string.Join(";", v.VersionStages.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={string.Join(",", p.Value)}"));
        return string.Join("\n", new[]
        {
            $"weights {string.Join(",", a.Weights.Select(w => $"{w.TargetGroupArn}={w.Weight}"))}",
            $"green secret {Stages(green)}",
            $"blue secret {Stages(blue)}",
            $"green hsm password is green AWSCURRENT: {UserOf(Color.Green).Password == a.Secrets.Value("arn:secret/green", SecretStages.Current)?.Password.Reveal()}",
            $"blue hsm password {UserOf(Color.Blue).Password}",
            $"config {string.Join(",", a.Config.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}",
            $"groups {string.Join(",", a.Groups.Values.Select(g => $"{g.Name}={g.Desired}"))}",
            $"leases {a.Leases.Count}",
            $"records {string.Join(",", a.RunRecords.Keys.Order(StringComparer.Ordinal).Select(k => RecordState(a.RunRecords[k])))}",
        });
    }
}
