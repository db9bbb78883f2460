using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Comparison;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Strategies;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Tests.Settings;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>`plan --compare`: extra hourly cost from the configured prices, readiness, and the strategy that fits.</summary>
public sealed class StrategyComparisonTests
{
    private const string Prices = "  hsm-blue-green:prices:\n    hsmPerHour: \"2\"\n    clientInstancePerHour: \"0.5\"\n    adminInstancePerHour: \"0.25\"\n  hsm-blue-green:traffic:";

    private static IReadOnlyList<ApproachProfile> Compare(string yaml, RotationOptions? options = null) =>
        StrategyComparison.For(StackSettingsBinder.Bind("test", StackFileReader.Read("Pulumi.test.yaml", yaml.Replace("  hsm-blue-green:traffic:", Prices, StringComparison.Ordinal))), options ?? RotationOptions.Default);

    [Fact]
    public void GreenClusterCostsItsHsmsClientsAndAdminHostPerHour()
    {
        var green = Compare(StackYaml.Valid)[0];

        Assert.Equal(("green-cluster", 2 * 2m + 2 * 0.5m + 0.25m), (green.Strategy.Key, green.HourlyCost));
    }

    [Fact]
    public void DualUserCostsOnlyTheIdleSlotsClients()
    {
        Assert.Equal(2 * 0.5m, Compare(StackYaml.DualUser)[1].HourlyCost);
    }

    [Fact]
    public void MissingPriceMakesTheCostUnknownAndNamesTheKey()
    {
        var profile = StrategyComparison.For(StackSettingsBinder.Bind("test", StackFileReader.Read("Pulumi.test.yaml", StackYaml.Valid)), RotationOptions.Default)[0];

        Assert.Equal((null, "prices.hsmPerHour"), (profile.HourlyCost, profile.MissingPrice));
    }

    [Fact]
    public void DualUserFitsBeforeGreenClusterWhenTheSlotsShareACluster()
    {
        var profiles = Compare(StackYaml.DualUser);

        Assert.Equal("dual-user", StrategyComparison.Recommended(profiles)?.Strategy.Key);
        Assert.False(profiles[0].Fits);
    }

    [Fact]
    public void RestoredSlotMakesGreenClusterFitEvenWithAWindow()
    {
        var window = new MaintenanceWindow(new TimeOnly(2, 0), null, TimeSpan.FromHours(1));

        var profiles = Compare(StackYaml.Valid, RotationOptions.Default with { Window = window });

        Assert.Equal("green-cluster", StrategyComparison.Recommended(profiles)?.Strategy.Key);
        Assert.True(profiles[2].Fits);
    }

    [Fact]
    public void MaintenanceWindowFitsOnlyWhenNothingWithoutDowntimeDoes()
    {
        var window = new MaintenanceWindow(new TimeOnly(2, 0), null, TimeSpan.FromHours(1));
        var oneUserOneCluster = StackYaml.Replace("      sourceBackupId: backup-rtq2dwi2gq6\n      cryptoUser: app_cu\n", "      clusterId: cluster-jxhlf7644ne\n      cryptoUser: app_cu2\n");

        var profiles = Compare(oneUserOneCluster, RotationOptions.Default with { Window = window });

        Assert.Equal("maintenance-window", StrategyComparison.Recommended(profiles)?.Strategy.Key);
    }
}
