using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;
using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>
/// change-password has the new password in its argv for one call: the admin host hides root's processes from every
/// other user (/proc hidepid=2, proc(5)), now and after every boot, and gives Session Manager's ssm-user no root.
/// </summary>
public sealed class AdminHostPrivacyTests
{
    private static string AdminScript => Scripts.Unescape(Programs.ShippedProgram("prod").Body<Ec2Instance>("green-admin").UserData!);

    [Fact]
    public void ProcIsRemountedWithHidepidBeforeTheCliIsInstalled()
    {
        var script = AdminScript;

        Assert.Contains("mount -o remount,hidepid=2 /proc", script, StringComparison.Ordinal);
        Assert.True(script.IndexOf("hidepid=2", StringComparison.Ordinal) < script.IndexOf("cloudhsm-cli-latest", StringComparison.Ordinal));
    }

    [Fact]
    public void HidepidIsKeptInFstabAndReappliedAtEveryBoot()
    {
        var script = AdminScript;

        Assert.Contains("proc /proc proc defaults,hidepid=2 0 0", script, StringComparison.Ordinal);
        Assert.Contains("ExecStart=/usr/bin/mount -o remount,hidepid=2 /proc", script, StringComparison.Ordinal);
        Assert.Contains("systemctl enable proc-hidepid.service", script, StringComparison.Ordinal);
    }

    [Fact]
    public void SessionManagerUsersGetNoRootOnTheAdminHost()
    {
        var script = AdminScript;

        Assert.Contains("useradd --create-home --shell /bin/bash ssm-user", script, StringComparison.Ordinal);
        Assert.Contains("rm -f /etc/sudoers.d/ssm-agent-users", script, StringComparison.Ordinal);
    }
}
