using HsmBlueGreen.Core.Config;

namespace HsmBlueGreen.Core.Tests.Settings;

public sealed class StackFileReaderTests
{
    [Fact]
    public void TruncatedFlowSequenceIsAConfigErrorNotACrash()
    {
        // YamlDotNet throws InvalidOperationException, not YamlException, for an unclosed "[" at the end of the text.
        var error = Assert.Throws<ConfigException>(() => StackFileReader.Read("Pulumi.test.yaml", "config:\n  hsm-blue-green:traffic:\n    blue: [100\n    green: 0"));

        Assert.Contains("Pulumi.test.yaml: not valid YAML", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: correct the file", error.Message, StringComparison.Ordinal);
    }
}
