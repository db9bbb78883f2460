using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Operations;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Strategies;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>--strategy maintenance-window: inside the window, the serving slot's clients stop, its password changes, they start again.</summary>
public sealed class MaintenanceWindowTests
{
    private const string BlueCluster = "cluster-blue00000001";

    [Fact]
    public async Task RotationChangesTheServingUsersPasswordAndReportsTheDowntime()
    {
        var harness = RotationHarness.MaintenanceWindow();
        harness.Account.BeforeCall = call =>
        {
            if (call == "hsm.change-password")
            {
                harness.Account.Clock.Advance(TimeSpan.FromSeconds(90));
            }
        };

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Equal("blue serves again as app_cu with its new password; measured downtime 1m30s.", result.Message);
        Assert.Equal(harness.Account.Secrets.Value("arn:secret/blue", SecretStages.Current)!.Password.Reveal(), harness.Account.HsmUsers[BlueCluster].Password);
        Assert.NotEqual(FakeAccount.BluePassword, harness.Account.HsmUsers[BlueCluster].Password);
    }

    [Fact]
    public async Task ClientsComeBackAndTrafficNeverMoves()
    {
        var harness = RotationHarness.MaintenanceWindow();

        await harness.RunAsync();

        Assert.Equal((2, 0, 0), (harness.Account.Groups["asg-blue"].Desired, harness.Account.WeightChanges, harness.Account.TargetPercent(Color.Green)));
        Assert.DoesNotContain(harness.Plan().Steps, s => s.Phase == Phase.Shift || s is RotationStep.SeedSecret);
    }

    [Fact]
    public async Task RunOutsideTheWindowIsRefusedBeforeAnyChange()
    {
        var harness = RotationHarness.MaintenanceWindow(start: new TimeOnly(2, 0));

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.BadInput, result.Outcome);
        Assert.Equal("2026-11-22T06:00:00Z is outside the maintenance window (daily 02:00 UTC for up to 1h); nothing was changed. The next one starts 2026-11-23T02:00:00Z. Fix: run again inside the window, or pass --window-start/--window-duration for an agreed one.", result.Message);
        Assert.Equal((0, 0), (harness.Account.Count("groups.set"), harness.Account.Leases.Count));
    }

    [Fact]
    public async Task ClientsNotDrainingWithinTheWindowRestoreServiceWithThePasswordUnchanged()
    {
        var harness = RotationHarness.MaintenanceWindow(start: new TimeOnly(5, 50), maxDuration: TimeSpan.FromMinutes(20));
        var stuck = true;
        harness.Account.BeforeCall = call =>
        {
            var group = harness.Account.Groups["asg-blue"];
            if (stuck && call == "groups.describe" && group.Desired == 0)
            {
                harness.Account.Groups["asg-blue"] = group with { Instances = 1 };
            }

            stuck &= call != "groups.set" || group.Desired == 2;
        };

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.RolledBack, result.Outcome);
        Assert.StartsWith("blue's application group asg-blue still has instances after 10m (the rest of the maintenance window)", result.Message, StringComparison.Ordinal);
        Assert.Contains("Service restored on blue with the old credential (the password never changed)", result.Message, StringComparison.Ordinal);
        Assert.Equal((FakeAccount.BluePassword, 2, 0), (harness.Account.HsmUsers[BlueCluster].Password, harness.Account.Groups["asg-blue"].Desired, harness.Account.Count("hsm.change-password")));
    }

    [Fact]
    public async Task FailedVerificationAfterTheChangeChangesThePasswordBackBeforeClientsStart()
    {
        var harness = RotationHarness.MaintenanceWindow();
        harness.Account.HsmUsers[BlueCluster].Coverage = "partial";

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.RolledBack, result.Outcome);
        Assert.Contains("(the password was changed back)", result.Message, StringComparison.Ordinal);
        Assert.Equal((FakeAccount.BluePassword, 2), (harness.Account.HsmUsers[BlueCluster].Password, harness.Account.Groups["asg-blue"].Desired));
        Assert.Null((await harness.Account.Secrets.DescribeAsync("arn:secret/blue", default)).VersionWith(SecretStages.Pending));
    }

    [Fact]
    public async Task FailedLoginIsNotRetriedAndServiceComesBackWithTheOldCredential()
    {
        var harness = RotationHarness.MaintenanceWindow();
        harness.Account.BeforeCall = call =>
        {
            if (call == "hsm.change-password")
            {
                harness.Account.HsmUsers[BlueCluster].Password = "rotated-by-someone-else";
            }
        };

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Equal((1, 1, 0), (harness.Account.HsmUsers[BlueCluster].FailedLogins, harness.Account.Count("hsm.change-password"), harness.Account.Count("hsm.login")));
        Assert.Contains("Not retried", result.Message, StringComparison.Ordinal);
        Assert.Equal(2, harness.Account.Groups["asg-blue"].Desired);
    }

    [Theory]
    [InlineData("quiesce")]
    [InlineData("set-password")]
    [InlineData("verify-password")]
    public async Task AbortAfterACrashRestoresServiceWithTheOldCredential(string step)
    {
        var harness = RotationHarness.MaintenanceWindow();
        await harness.CrashAfterAsync(step);

        var result = await AbortOperation.RunAsync(harness.NewRun());

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Equal((FakeAccount.BluePassword, 2), (harness.Account.HsmUsers[BlueCluster].Password, harness.Account.Groups["asg-blue"].Desired));
        Assert.Null((await harness.Account.Secrets.DescribeAsync("arn:secret/blue", default)).VersionWith(SecretStages.Pending));
    }

    [Fact]
    public async Task AbortAfterThePromotionStartsTheClientsWithTheNewPassword()
    {
        var harness = RotationHarness.MaintenanceWindow();
        await harness.CrashAfterAsync("promote-secret");

        var result = await AbortOperation.RunAsync(harness.NewRun());

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Equal(harness.Account.Secrets.Value("arn:secret/blue", SecretStages.Current)!.Password.Reveal(), harness.Account.HsmUsers[BlueCluster].Password);
        Assert.Equal(2, harness.Account.Groups["asg-blue"].Desired);
    }

    [Fact]
    public void WithoutAWindowTheStrategyIsRefusedOffline()
    {
        var harness = new RotationHarness { Options = RotationOptions.Default with { StrategyKey = "maintenance-window" } };

        var refused = Assert.Throws<RotationInputException>(() => harness.Plan());

        Assert.StartsWith("--strategy maintenance-window needs a window", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WindowCrossingMidnightContainsTheEarlyHoursOfTheNextDay()
    {
        var window = new MaintenanceWindow(new TimeOnly(23, 0), null, TimeSpan.FromHours(2));

        var open = window.Containing(new DateTimeOffset(2026, 11, 22, 0, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero), open?.End);
    }
}
