using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Tests.Settings;

public sealed class StackSettingsBinderTests
{
    private static StackSettings Bind(string yaml) => StackSettingsBinder.Bind("test", StackFileReader.Read("Pulumi.test.yaml", yaml));

    private static ConfigError SingleError(string yaml) => Assert.Single(Assert.Throws<ConfigException>(() => Bind(yaml)).Errors);

    [Fact]
    public void ValidStackBindsEverySlotWithItsClusterSource()
    {
        var settings = Bind(StackYaml.Valid);

        Assert.Equal(new ClusterSource.Existing("cluster-jxhlf7644ne"), settings.Slots[Color.Blue].Cluster);
        Assert.Equal(new ClusterSource.FromBackup("backup-rtq2dwi2gq6"), settings.Slots[Color.Green].Cluster);
        Assert.Equal(new TrafficSplit(100, 0), settings.Traffic);
        Assert.Equal(Color.Blue, settings.ServingColor);
    }

    [Fact]
    public void DefaultsApplyWhereTheStackIsSilent()
    {
        var settings = Bind(StackYaml.Valid);

        Assert.Equal((ListenerProtocol.Https, 443, 8443, "/health", true, 0), (settings.Listener.Protocol, settings.Listener.Port, settings.Listener.AppPort, settings.Listener.HealthCheckPath, settings.Listener.Internal, settings.Listener.StickinessSeconds));
        Assert.Equal(("hsm2m.medium", "t3.small", 2, true), (settings.HsmType, settings.Clients.InstanceType, settings.Clients.DefaultCount, settings.RequireMultiAz));
    }

    [Fact]
    public void AdminHostIsSmallAndUsesTheClientImageUnlessConfigured()
    {
        var defaults = Bind(StackYaml.Valid);
        var configured = Bind(StackYaml.Replace("hsm-blue-green:clientAmiId: ami-0b7e9f1a3c5d7e9f1", "hsm-blue-green:clientAmiId: ami-0b7e9f1a3c5d7e9f1\n  hsm-blue-green:adminAmiId: ami-0123456789abcdef0\n  hsm-blue-green:adminInstanceType: t4g.nano"));

        Assert.Equal((null, "t3.micro"), (defaults.AdminAmiId, defaults.AdminInstanceType));
        Assert.Equal(("ami-0123456789abcdef0", "t4g.nano"), (configured.AdminAmiId, configured.AdminInstanceType));
    }

    [Fact]
    public void MalformedAdminAmiIdIsRejected()
    {
        var error = SingleError(StackYaml.Replace("hsm-blue-green:clientAmiId: ami-0b7e9f1a3c5d7e9f1", "hsm-blue-green:clientAmiId: ami-0b7e9f1a3c5d7e9f1\n  hsm-blue-green:adminAmiId: image-1"));

        Assert.Equal(("adminAmiId", "image-1"), (error.Key, error.Value));
    }

    [Fact]
    public void CryptoUserNamesAreLowerCasedAsCloudHsmShowsThem()
    {
        Assert.Equal("app_cu", Bind(StackYaml.Valid).Slots[Color.Blue].CryptoUser);
    }

    [Fact]
    public void AzMapsAreOrderedByZoneWhateverTheFileOrder()
    {
        var yaml = StackYaml.Replace(
            "    eu-west-1a: subnet-0a1b2c3d4e5f60718\n    eu-west-1b: subnet-0a1b2c3d4e5f60719",
            "    eu-west-1b: subnet-0a1b2c3d4e5f60719\n    eu-west-1a: subnet-0a1b2c3d4e5f60718");

        Assert.Equal(["eu-west-1a", "eu-west-1b"], Bind(yaml).HsmSubnets.Zones);
    }

    [Fact]
    public void UnknownKeyNamesTheNearestKnownKey()
    {
        var error = SingleError(StackYaml.Replace("hsm-blue-green:vpcId: vpc-0d3f5a7b9c1e24680", "hsm-blue-green:vpcId: vpc-0d3f5a7b9c1e24680\n  hsm-blue-green:requireMultiAZ: \"false\""));

        Assert.Equal("requireMultiAZ", error.Key);
        Assert.Contains("did you mean 'requireMultiAz'", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownNestedKeyIsFoundInsideSlots()
    {
        var error = SingleError(StackYaml.Replace("      cryptoUser: app_cu", "      cryptoUser: app_cu\n      cryptUser: app_cu"));

        Assert.Equal("slots.green.cryptUser", error.Key);
        Assert.Contains("slots.green.cryptoUser", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedBackupIdNamesKeyValueAndExample()
    {
        var error = SingleError(StackYaml.Replace("backup-rtq2dwi2gq6", "bkp-123"));

        Assert.Equal(("slots.green.sourceBackupId", "bkp-123"), (error.Key, error.Value));
        Assert.Contains("pulumi config set --stack test --path 'slots.green.sourceBackupId' backup-", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void TrafficMustSumToOneHundred()
    {
        var error = SingleError(StackYaml.Replace("    green: 0", "    green: 10"));

        Assert.Equal("traffic", error.Key);
        Assert.Contains("sums to 110", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void SlotWithBothClusterAndBackupIsRefused()
    {
        var error = SingleError(StackYaml.Replace("      sourceBackupId: backup-rtq2dwi2gq6", "      sourceBackupId: backup-rtq2dwi2gq6\n      clusterId: cluster-abcdefghijk"));

        Assert.Equal("slots.green", error.Key);
        Assert.Contains("both", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryErrorIsReportedInOnePass()
    {
        var yaml = StackYaml.Replace("vpc-0d3f5a7b9c1e24680", "vpc-nope").Replace("ami-0b7e9f1a3c5d7e9f1", "image-1", StringComparison.Ordinal);

        var errors = Assert.Throws<ConfigException>(() => Bind(yaml)).Errors;

        Assert.Equal(["clientAmiId", "vpcId"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SecretCertificateStaysAReferenceAndItsCiphertextIsNeverRead()
    {
        var yaml = StackYaml.Replace(
            "hsm-blue-green:certificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/7d2f0c1e-3b4a-4c5d-9e6f-a1b2c3d4e5f6",
            "hsm-blue-green:certificateArn:\n    secure: v1:c2VjcmV0:Y2lwaGVydGV4dA==");

        var certificate = Bind(yaml).Listener.CertificateArn!;

        Assert.True(certificate.IsSecret);
        Assert.Equal("certificateArn", certificate.Key);
        Assert.DoesNotContain("Y2lwaGVydGV4dA", certificate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SecretIdentifierIsRefusedWithoutShowingItsValue()
    {
        var yaml = StackYaml.Replace("hsm-blue-green:vpcId: vpc-0d3f5a7b9c1e24680", "hsm-blue-green:vpcId:\n    secure: v1:bm9uY2U=:dnBjLXNlY3JldA==");

        var error = SingleError(yaml);

        Assert.Equal("vpcId", error.Key);
        Assert.DoesNotContain("dnBjLXNlY3JldA", error.Format(ProjectNamespace.Name), StringComparison.Ordinal);
    }

    [Fact]
    public void RetiringSlotIsBoundFromItsFlag()
    {
        var settings = Bind(StackYaml.Replace("      clientCount: 0", "      clientCount: 0\n      retiring: true"));

        Assert.True(settings.Slots[Color.Green].Retiring);
        Assert.False(settings.Slots[Color.Blue].Retiring);
    }

    [Fact]
    public void SlotThatTakesTrafficCannotBeRetiring()
    {
        var error = SingleError(StackYaml.Replace("      clientCount: 2", "      clientCount: 2\n      retiring: true"));

        Assert.Equal(("slots.blue.retiring", "true"), (error.Key, error.Value));
        Assert.Contains("100% of the traffic", error.Rule, StringComparison.Ordinal);
    }
}
