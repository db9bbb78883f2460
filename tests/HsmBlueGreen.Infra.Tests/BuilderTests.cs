using System.Text.Json.Nodes;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Infra.Build;
using HsmBlueGreen.Infra.Emit;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;
using HsmBlueGreen.Infra.Policy;
using HsmBlueGreen.Core.Tests.Settings;
using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>What the program declares for a stack, and the known traps it avoids.</summary>
public sealed class BuilderTests
{
    private static readonly StackProgram Prod = ProgramBuilder.Build(Programs.Shipped("prod"));
    private static readonly StackProgram Dev = ProgramBuilder.Build(Programs.Shipped("dev"));

    [Fact]
    public void ExistingClusterIsOnlyReadWithGet()
    {
        var lookup = Prod.Body<Lookup>("blue-cluster");

        Assert.Equal((CloudHsmCluster.Token, "cluster-k3mzq5vw7ytb"), (lookup.Type, lookup.Id));
    }

    [Fact]
    public void RestoredClusterComesFromItsBackupWithLongTimeouts()
    {
        var cluster = Prod.Find("green-cluster")!;

        Assert.Equal("backup-p2ajr6st4xuc", Assert.IsType<CloudHsmCluster>(cluster.Body).SourceBackupIdentifier);
        Assert.Equal(new CustomTimeouts("120m", "120m", "120m"), cluster.Options.CustomTimeouts);
    }

    [Fact]
    public void RestoredClusterIsProtectedInProductionOnly()
    {
        Assert.True(Prod.Find("green-cluster")!.Options.Protect);
        Assert.False(Dev.Find("green-cluster")!.Options.Protect);
    }

    [Fact]
    public void FirstHsmIsCreatedBeforeTheOthers()
    {
        Assert.Empty(Prod.Find("green-hsm-eu-west-1a")!.Options.DependsOn);
        Assert.Equal(["${green-hsm-eu-west-1a}"], Prod.Find("green-hsm-eu-west-1b")!.Options.DependsOn);
        Assert.Equal(["${green-hsm-eu-west-1a}"], Prod.Find("green-hsm-eu-west-1c")!.Options.DependsOn);
    }

    [Fact]
    public void EachSlotGetsOneHsmPerConfiguredZone()
    {
        var hsms = Prod.All<CloudHsmHsm>().Where(h => h.Body.ClusterId == "${green-cluster.clusterId}").Select(h => h.Body.SubnetId);

        Assert.Equal(Programs.Shipped("prod").HsmSubnets.SubnetIds, hsms);
    }

    [Fact]
    public void ClusterSecurityGroupAdmitsHsmPortsFromTheSlotsClientGroupOnly()
    {
        var rule = Prod.Body<SecurityGroupIngressRule>("green-hsm-from-clients");

        Assert.Equal(("${green-cluster.securityGroupId}", "tcp", 2223, 2225), (rule.SecurityGroupId, rule.IpProtocol, rule.FromPort, rule.ToPort));
        Assert.Equal("${green-client-sg.id}", rule.ReferencedSecurityGroupId);
        Assert.Null(rule.CidrIpv4);
    }

    [Fact]
    public void SlotAtZeroPercentIsLeftOutOfTheForwardAction()
    {
        var groups = Prod.Body<Listener>("listener").DefaultActions.Single().Forward!.TargetGroups;

        Assert.Equal([new ListenerForwardTargetGroup("${blue-tg.arn}", 100)], groups);
    }

    [Fact]
    public void SplitTrafficForwardsToBothSlotsAtTheirWeights()
    {
        var program = Programs.Build(StackYaml.Replace("    blue: 100\n    green: 0", "    blue: 75\n    green: 25"));

        var groups = program.Body<Listener>("listener").DefaultActions.Single().Forward!.TargetGroups;
        Assert.Equal([new ListenerForwardTargetGroup("${blue-tg.arn}", 75), new ListenerForwardTargetGroup("${green-tg.arn}", 25)], groups);
    }

    [Fact]
    public void StickinessIsOnlyDeclaredWhenConfigured()
    {
        var sticky = Programs.Build(StackYaml.Replace("  hsm-blue-green:clientAmiId:", "  hsm-blue-green:stickinessSeconds: \"60\"\n  hsm-blue-green:clientAmiId:"));

        Assert.Equal(new ListenerForwardStickiness(true, 60), sticky.Body<Listener>("listener").DefaultActions.Single().Forward!.Stickiness);
        Assert.Null(Prod.Body<Listener>("listener").DefaultActions.Single().Forward!.Stickiness);
    }

    [Fact]
    public void NoBackupOrSecretValueIsEverDeclared()
    {
        Assert.DoesNotContain(Prod.Resources, r => r.Type.Contains("Backup", StringComparison.OrdinalIgnoreCase) || r.Type == "aws:secretsmanager:SecretVersion");
        Assert.Equal(2, Prod.All<SecretsManagerSecret>().Count());
    }

    [Fact]
    public void EverySlotResourceCarriesItsSlotPrefix()
    {
        var slotNames = Prod.Resources.Select(r => r.Name).Where(n => n.StartsWith("blue-", StringComparison.Ordinal) || n.StartsWith("green-", StringComparison.Ordinal));
        var slotTyped = Prod.Resources.Where(r => r.Type is CloudHsmCluster.Token or CloudHsmHsm.Token or TargetGroup.Token or AutoScalingGroup.Token or SecretsManagerSecret.Token or Ec2Instance.Token);

        Assert.All(slotTyped, r => Assert.Contains(r.Name, slotNames));
        Assert.All(Prod.Resources.Where(r => r.Name.Contains("blue", StringComparison.Ordinal)), r => Assert.StartsWith("blue-", r.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void ListenerHasTheNameTheStepProgramTargets()
    {
        Assert.Equal(Listener.Token, Prod.Find(StackResourceNames.Listener)?.Type);
    }

    [Fact]
    public void OutputsAreTheOnesTheStepProgramReads()
    {
        string[] expected =
        [
            .. new[] { Color.Blue, Color.Green }.SelectMany(c => new[]
            {
                StackOutputNames.ClusterId(c), StackOutputNames.ClusterSecurityGroupId(c), StackOutputNames.TargetGroupArn(c),
                StackOutputNames.AppGroupName(c), StackOutputNames.SecretArn(c), StackOutputNames.AdminInstanceId(c),
            }),
            StackOutputNames.LoadBalancerArn, StackOutputNames.ListenerArn, StackOutputNames.AlbDnsName,
        ];

        Assert.Equal(expected, Prod.Outputs.Select(o => o.Key));
    }

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
    public void AppGroupSizeFollowsTheSlotsClientCount()
    {
        var blue = Prod.Body<AutoScalingGroup>("blue-app");
        var green = Prod.Body<AutoScalingGroup>("green-app");

        Assert.Equal((3, 3, 3), (blue.MinSize, blue.MaxSize, blue.DesiredCapacity));
        Assert.Equal((0, 0, 0), (green.MinSize, green.MaxSize, green.DesiredCapacity));
    }

    [Fact]
    public void AlertsWatchTheDestructiveCloudHsmCallsAndMailEachAddress()
    {
        var pattern = Prod.Body<EventRule>("alerts-rule").EventPattern.Document;

        Assert.Equal(
            ["DeleteCluster", "DeleteHsm", "DeleteBackup", "CopyBackupToRegion", "PutResourcePolicy"],
            pattern["detail"]!["eventName"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(
            ["hsm-oncall@example.com", "security-operations@example.com"],
            Prod.All<SnsTopicSubscription>().Select(s => s.Body.Endpoint));
    }

    [Fact]
    public void SecretCertificateIsAConfigReferenceDeclaredSecret()
    {
        var yaml = StackYaml.Replace("hsm-blue-green:certificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/7d2f0c1e-3b4a-4c5d-9e6f-a1b2c3d4e5f6", "hsm-blue-green:certificateArn:\n    secure: v1:bm9uY2U=:Y2lwaGVy");
        var program = Programs.Build(yaml);

        Assert.Equal("${certificateArn}", program.Body<Listener>("listener").CertificateArn);
        Assert.Equal(["certificateArn"], program.SecretConfigKeys);
        Assert.Equal(new JsonObject { ["type"] = "string", ["secret"] = true }.ToJsonString(), ProgramDocument.From(program)["config"]!["certificateArn"]!.ToJsonString());
    }

    [Fact]
    public void RetiredSlotLeavesNothingOfItsOwnBehind()
    {
        var yaml = StackYaml.Replace("    green:\n      sourceBackupId: backup-rtq2dwi2gq6\n      cryptoUser: app_cu\n      clientCount: 0\n", string.Empty)
            .Replace("    green: 0", string.Empty, StringComparison.Ordinal);
        var settings = Programs.Settings(yaml);
        var program = ProgramBuilder.Build(settings);

        Assert.DoesNotContain(program.Resources, r => r.Name.StartsWith("green-", StringComparison.Ordinal));
        Assert.DoesNotContain(program.Outputs, o => o.Key.StartsWith("green", StringComparison.Ordinal));
        Assert.Empty(StackPolicy.Check(program, new PolicyContext(settings, [])));
    }

    [Fact]
    public void DevListenerIsPlainHttpWithoutCertificate()
    {
        var listener = Dev.Body<Listener>("listener");

        Assert.Equal(("HTTP", 80, null, null), (listener.Protocol, listener.Port, listener.CertificateArn, listener.SslPolicy));
    }
}
