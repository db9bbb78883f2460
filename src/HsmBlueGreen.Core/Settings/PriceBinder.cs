using System.Globalization;
using HsmBlueGreen.Core.Config;

namespace HsmBlueGreen.Core.Settings;

/// <summary>
/// `prices: {hsmPerHour, clientInstancePerHour, adminInstancePerHour}`: hourly prices the operator looked up for
/// this region and these types, used only by `plan --compare`. Each is optional; a missing one is shown as unknown.
/// </summary>
internal static class PriceBinder
{
    public static HourlyPrices Read(SettingReader read)
    {
        if (read.Text("prices") is { } scalar)
        {
            read.Fail("prices", scalar, "must be a map with hsmPerHour, clientInstancePerHour and adminInstancePerHour", read.SetCommand("prices.hsmPerHour", "1.60"));
            return HourlyPrices.Unknown;
        }

        return new HourlyPrices(Price(read, "hsmPerHour"), Price(read, "clientInstancePerHour"), Price(read, "adminInstancePerHour"));
    }

    private static decimal? Price(SettingReader read, string name)
    {
        var path = $"prices.{name}";
        var text = read.Text(path);
        if (text is null)
        {
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price) || price > 1000m)
        {
            read.Fail(path, text, "must be a price per hour from 0 to 1000 such as 1.60 (a dot for decimals, no currency sign)", read.SetCommand(path, "1.60"));
            return null;
        }

        return price;
    }
}

/// <summary>Hourly prices from config, in the operator's currency; null where none is configured.</summary>
public sealed record HourlyPrices(decimal? Hsm, decimal? ClientInstance, decimal? AdminInstance)
{
    public static HourlyPrices Unknown { get; } = new(null, null, null);
}
