using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Settings;

namespace HsmBlueGreen.Core.Tests.Settings;

/// <summary>`flowLogRetentionDays` and `operatorRoleName`: what the infrastructure program needs for flow logs and the operator role.</summary>
public sealed class HardeningSettingsTests
{
    private const string Anchor = "hsm-blue-green:clientAmiId: ami-0b7e9f1a3c5d7e9f1";

    private static StackSettings Bind(string yaml) => StackSettingsBinder.Bind("test", StackFileReader.Read("Pulumi.test.yaml", yaml));

    private static string With(string line) => StackYaml.Replace(Anchor, Anchor + "\n  " + line);

    [Fact]
    public void FlowLogsAreKeptNinetyDaysAndNoOperatorRoleIsAssumed()
    {
        var settings = Bind(StackYaml.Valid);

        Assert.Equal((90, (string?)null), (settings.FlowLogRetentionDays, settings.OperatorRoleName));
    }

    [Fact]
    public void ARetentionCloudWatchAcceptsIsTaken()
    {
        Assert.Equal(365, Bind(With("hsm-blue-green:flowLogRetentionDays: \"365\"")).FlowLogRetentionDays);
    }

    [Fact]
    public void ARetentionCloudWatchRefusesNamesTheNearestItAccepts()
    {
        var error = Assert.Single(Assert.Throws<ConfigException>(() => Bind(With("hsm-blue-green:flowLogRetentionDays: \"100\""))).Errors);

        Assert.Equal("flowLogRetentionDays", error.Key);
        Assert.Contains("is not a CloudWatch Logs retention period", error.Rule, StringComparison.Ordinal);
        Assert.Contains("flowLogRetentionDays 90", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOperatorRoleIsNamedAsIamNamesRoles()
    {
        Assert.Equal("hsm-operator", Bind(With("hsm-blue-green:operatorRoleName: hsm-operator")).OperatorRoleName);
        var error = Assert.Single(Assert.Throws<ConfigException>(() => Bind(With("hsm-blue-green:operatorRoleName: \"ops role\""))).Errors);
        Assert.Equal("operatorRoleName", error.Key);
    }
}
