using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Tests.Support;

/// <summary>Green's admin host as the SSM tests see it: its secret's two versions and the PIN cloudhsm-cli accepts.</summary>
internal static class GreenHost
{
    public const string Secret = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:hsm-dev-green-AbCdEf";
    public const string OldPassword = "Old-Passw0rd";
    public const string NewPassword = "New-Passw0rd";
    public static readonly HsmUserTarget Target = new(Fixtures.GreenAdminHost, Fixtures.GreenCluster, Secret, "app_cu");

    /// <summary>AWSCURRENT holds the old password, AWSPENDING the new one; the HSM knows the old one.</summary>
    public static FakeHsmHost BeforeChange() => new FakeHsmHost()
        .AddVersion(Secret, "v-current", "AWSCURRENT", "app_cu", OldPassword)
        .AddVersion(Secret, "v-pending", "AWSPENDING", "app_cu", NewPassword)
        .AcceptPin("app_cu:" + OldPassword);
}
