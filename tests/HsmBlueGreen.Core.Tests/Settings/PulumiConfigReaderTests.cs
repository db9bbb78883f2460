using System.Text.Json;
using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Settings;

namespace HsmBlueGreen.Core.Tests.Settings;

public sealed class PulumiConfigReaderTests
{
    /// <summary>PULUMI_CONFIG as the YAML host builds it: every value a string, structured ones JSON inside it.</summary>
    private static string AsPulumiConfig(string yaml, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var raw = StackFileReader.Read("Pulumi.test.yaml", yaml);
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["aws:region"] = "eu-west-1" };
        foreach (var (key, node) in raw.Values)
        {
            map[$"{ProjectNamespace.Name}:{key}"] = node is System.Text.Json.Nodes.JsonValue value ? value.ToString() : node!.ToJsonString();
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            map[key] = value;
        }

        return JsonSerializer.Serialize(map);
    }

    [Fact]
    public void PulumiConfigBindsToTheSameSettingsAsTheStackFile()
    {
        var fromFile = StackSettingsBinder.Bind("test", StackFileReader.Read("Pulumi.test.yaml", StackYaml.Valid));
        var fromPulumi = StackSettingsBinder.Bind("test", PulumiConfigReader.Read(AsPulumiConfig(StackYaml.Valid), new HashSet<string>()));

        Assert.Equal(fromFile.Slots, fromPulumi.Slots);
        Assert.Equal(fromFile.HsmSubnets.Entries, fromPulumi.HsmSubnets.Entries);
        Assert.Equal(fromFile.Traffic, fromPulumi.Traffic);
    }

    [Fact]
    public void DecryptedSecretFromPulumiIsDroppedForTheStackFilesSecretKeys()
    {
        const string plaintext = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-1111-2222-3333-444444444444";
        var json = AsPulumiConfig(StackYaml.Valid, new Dictionary<string, string> { ["hsm-blue-green:certificateArn"] = plaintext });

        var raw = PulumiConfigReader.Read(json, new HashSet<string> { "certificateArn" });

        Assert.DoesNotContain(plaintext, raw.Values.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("certificateArn", raw.SecretKeys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("null")]
    [InlineData("")]
    public void AbsentPulumiConfigReadsAsEmpty(string? json)
    {
        Assert.Empty(PulumiConfigReader.Read(json, new HashSet<string>()).Values);
    }

    [Fact]
    public void MalformedPulumiConfigIsAConfigError()
    {
        var error = Assert.Throws<ConfigException>(() => PulumiConfigReader.Read("{not json", new HashSet<string>()));

        Assert.Contains("PULUMI_CONFIG is not a JSON object", error.Message, StringComparison.Ordinal);
    }
}
