using HsmBlueGreen.Core.Tests.Settings;
using HsmBlueGreen.Infra.Emit;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;
using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>The slot's admin host and application group: what they run, where, and what they may read.</summary>
public sealed class HostDeclarationTests
{
    private static StackProgram Prod => Programs.ShippedProgram("prod");

    [Fact]
    public void ClientUserDataIsBase64AndConfiguresOnlyItsOwnSlot()
    {
        var userData = Prod.Body<LaunchTemplate>("green-launch-template").UserData!;
        var accesses = Interpolation.Accesses(userData.Text).ToList();

        Assert.Equal("fn::toBase64", userData.Function);
        Assert.All(accesses, a => Assert.StartsWith("green-", a, StringComparison.Ordinal));
        Assert.Contains("green-cluster.clusterId", accesses);
        Assert.Contains("green-hsm-eu-west-1c.ipAddress", accesses);
        Assert.Contains("--name '/hsm-blue-green/prod/customerCA.crt'", Scripts.Unescape(userData.Text), StringComparison.Ordinal);
    }

    [Fact]
    public void AdminHostRunsOnlyTheCloudHsmCliForItsSlot()
    {
        var admin = Prod.Body<Ec2Instance>("blue-admin");
        var script = Scripts.Unescape(admin.UserData!);

        Assert.Contains("/opt/cloudhsm/bin/configure-cli -a ${blue-hsm-eu-west-1a.ipAddress} ${blue-hsm-eu-west-1b.ipAddress} ${blue-hsm-eu-west-1c.ipAddress}", script, StringComparison.Ordinal);
        Assert.Contains("> /opt/cloudhsm/etc/customerCA.crt", script, StringComparison.Ordinal);
        Assert.DoesNotContain("pkcs11", script, StringComparison.Ordinal);
        Assert.False(admin.AssociatePublicIpAddress);
        Assert.Equal("${blue-admin-profile.name}", admin.IamInstanceProfile);
    }

    [Fact]
    public void AdminHostIsSmallWhateverTheClientsAre()
    {
        var admin = Prod.Body<Ec2Instance>("green-admin");

        Assert.Equal(("ami-0c8f0a2b4d6e8f0a2", "t3.micro"), (admin.Ami, admin.InstanceType));
        Assert.Equal("m6i.large", Prod.Body<LaunchTemplate>("green-launch-template").InstanceType);
    }

    [Fact]
    public void AdminHostUsesItsOwnImageWhenConfigured()
    {
        var program = Programs.Build(StackYaml.Replace("hsm-blue-green:clientAmiId: ami-0b7e9f1a3c5d7e9f1", "hsm-blue-green:clientAmiId: ami-0b7e9f1a3c5d7e9f1\n  hsm-blue-green:adminAmiId: ami-0123456789abcdef0"));

        Assert.Equal("ami-0123456789abcdef0", program.Body<Ec2Instance>("blue-admin").Ami);
        Assert.Equal("ami-0b7e9f1a3c5d7e9f1", program.Body<LaunchTemplate>("blue-launch-template").ImageId);
    }

    [Fact]
    public void ShellDollarsInUserDataAreEscapedForPulumi()
    {
        var script = Prod.Body<Ec2Instance>("blue-admin").UserData!;

        Assert.Contains("region=$$(curl", script, StringComparison.Ordinal);
        Assert.DoesNotContain(Interpolation.Accesses(script), a => !a.StartsWith("blue-", StringComparison.Ordinal));
    }

    [Fact]
    public void ClientRoleReadsOnlyTheCurrentVersionOfItsOwnSlotSecret()
    {
        var policy = Prod.Body<IamRolePolicy>("green-client-policy").Policy.Document;
        var statement = policy["Statement"]![0]!;

        Assert.Equal("${green-secret.arn}", (string?)statement["Resource"]);
        Assert.Equal(["secretsmanager:GetSecretValue"], statement["Action"]!.AsArray().Select(a => (string?)a));
        Assert.Equal("AWSCURRENT", (string?)statement["Condition"]!["ForAnyValue:StringEquals"]!["secretsmanager:VersionStage"]);
    }

    [Fact]
    public void ClientIsToldTheSecretStageItsRoleRequiresInTheRequest()
    {
        // The role's condition matches only a GetSecretValue that names the stage; a request without one is refused.
        var stage = (string?)Prod.Body<IamRolePolicy>("green-client-policy").Policy.Document["Statement"]![0]!["Condition"]!["ForAnyValue:StringEquals"]!["secretsmanager:VersionStage"];
        var script = Scripts.Unescape(Prod.Body<LaunchTemplate>("green-launch-template").UserData!.Text);

        Assert.NotNull(stage);
        Assert.Contains($"\nHSM_SECRET_STAGE={stage}\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public void AppGroupRunsTheSlotsClientCount()
    {
        Assert.Equal(3, Prod.Body<AutoScalingGroup>("blue-app").DesiredCapacity);
        Assert.Equal(0, Prod.Body<AutoScalingGroup>("green-app").DesiredCapacity);
    }

    [Fact]
    public void AppGroupBoundsLetTheStepProgramQuiesceEitherSlotAndScaleTheTargetToTheServingCount()
    {
        // Without these bounds SetDesiredCapacity 0 (quiesce) or 3 (start green) is outside the group's range and refused.
        foreach (var name in new[] { "blue-app", "green-app" })
        {
            var group = Prod.Body<AutoScalingGroup>(name);
            Assert.Equal((0, 3), (group.MinSize, group.MaxSize));
        }
    }
}
