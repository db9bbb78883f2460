using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Tests.Settings;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>What the stack file alone shows cannot be rotated: refused offline as bad input.</summary>
public sealed class PlanRefusalTests
{
    private static RotationInputException Refusal(string yaml) =>
        Assert.Throws<RotationInputException>(() => RotationPlan.For(StackSettingsBinder.Bind("test", StackFileReader.Read("Pulumi.test.yaml", yaml)), RotationOptions.Default));

    [Fact]
    public void SplitTrafficInTheStackFileIsRefused()
    {
        var yaml = StackYaml.Replace("    blue: 100\n    green: 0", "    blue: 75\n    green: 25");

        Assert.StartsWith("traffic in Pulumi.test.yaml is already split (blue 75% / green 25%)", Refusal(yaml).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingTargetSlotIsRefused()
    {
        var yaml = StackYaml.Replace("    green:\n      sourceBackupId: backup-rtq2dwi2gq6\n      cryptoUser: app_cu\n      clientCount: 0\n", string.Empty);

        Assert.StartsWith("the green slot is not configured in Pulumi.test.yaml", Refusal(yaml).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DifferentCryptoUsersAreRefused()
    {
        var yaml = StackYaml.Replace("      sourceBackupId: backup-rtq2dwi2gq6\n      cryptoUser: app_cu", "      sourceBackupId: backup-rtq2dwi2gq6\n      cryptoUser: other_cu");

        Assert.StartsWith("slots.green.cryptoUser is 'other_cu' but blue's is 'app_cu'", Refusal(yaml).Message, StringComparison.Ordinal);
    }
}
