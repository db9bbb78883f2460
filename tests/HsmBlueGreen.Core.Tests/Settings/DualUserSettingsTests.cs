using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Settings;

namespace HsmBlueGreen.Core.Tests.Settings;

/// <summary>The settings dual-user needs: two slots on one cluster as two users, and the application's key labels.</summary>
public sealed class DualUserSettingsTests
{
    private static StackSettings Bind(string yaml) => StackSettingsBinder.Bind("test", StackFileReader.Read("Pulumi.test.yaml", yaml));

    private static ConfigError SingleError(string yaml) => Assert.Single(Assert.Throws<ConfigException>(() => Bind(yaml)).Errors);

    [Fact]
    public void TwoSlotsOnOneClusterWithTwoUsersShareIt()
    {
        var settings = Bind(StackYaml.DualUser);

        Assert.True(settings.SlotsShareCluster);
        Assert.Equal(["app-signing-key", "app-data-key"], settings.KeyLabels);
    }

    [Fact]
    public void KeyLabelsDefaultToNoneAndARestoredSlotSharesNothing()
    {
        var settings = Bind(StackYaml.Valid);

        Assert.False(settings.SlotsShareCluster);
        Assert.Empty(settings.KeyLabels);
    }

    [Fact]
    public void OneUserForTwoSlotsOnOneClusterIsRejected()
    {
        var error = SingleError(StackYaml.DualUser.Replace("cryptoUser: app_cu2", "cryptoUser: APP_CU", StringComparison.Ordinal));

        Assert.Equal(("slots.green.cryptoUser", "app_cu"), (error.Key, error.Value));
        Assert.Contains("slots sharing a cluster need two users", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyLabelWithShellCharactersIsRejected()
    {
        var error = SingleError(StackYaml.DualUser.Replace("- app-data-key", "- \"app key;rm\"", StringComparison.Ordinal));

        Assert.Equal(("keyLabels[1]", "app key;rm"), (error.Key, error.Value));
    }

    [Fact]
    public void KeyLabelsGivenAsOneStringAreRejected()
    {
        var error = SingleError(StackYaml.Replace("  hsm-blue-green:traffic:", "  hsm-blue-green:keyLabels: app-signing-key\n  hsm-blue-green:traffic:"));

        Assert.Equal(("keyLabels", "must be a list of key labels"), (error.Key, error.Rule));
    }

    [Fact]
    public void RepeatedKeyLabelIsRejected()
    {
        var error = SingleError(StackYaml.DualUser.Replace("- app-data-key", "- app-signing-key", StringComparison.Ordinal));

        Assert.Equal(("keyLabels", "app-signing-key", "lists a label twice"), (error.Key, error.Value, error.Rule));
    }
}
