using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Settings;

namespace HsmBlueGreen.Core.Tests.Settings;

/// <summary>`prices`: hourly prices for `plan --compare`, each optional.</summary>
public sealed class PriceSettingsTests
{
    private static StackSettings Bind(string yaml) => StackSettingsBinder.Bind("test", StackFileReader.Read("Pulumi.test.yaml", yaml));

    private static string WithPrices(string lines) =>
        StackYaml.Replace("  hsm-blue-green:traffic:", $"  hsm-blue-green:prices:\n{lines}\n  hsm-blue-green:traffic:");

    [Fact]
    public void PricesBindAsDecimalsAndMissingOnesStayUnknown()
    {
        var prices = Bind(WithPrices("    hsmPerHour: \"1.60\"\n    clientInstancePerHour: \"0.0228\"")).Prices;

        Assert.Equal(new HourlyPrices(1.60m, 0.0228m, null), prices);
    }

    [Fact]
    public void NoPricesAreUnknown() => Assert.Equal(HourlyPrices.Unknown, Bind(StackYaml.Valid).Prices);

    [Fact]
    public void PriceWithACurrencySignIsRejected()
    {
        var error = Assert.Single(Assert.Throws<ConfigException>(() => Bind(WithPrices("    hsmPerHour: \"$1.60\""))).Errors);

        Assert.Equal(("prices.hsmPerHour", "$1.60"), (error.Key, error.Value));
    }
}
