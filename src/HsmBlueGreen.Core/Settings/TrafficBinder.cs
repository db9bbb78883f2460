using System.Globalization;
using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Settings;

internal static class TrafficBinder
{
    public static TrafficSplit? Read(SettingReader read, IReadOnlyDictionary<Color, SlotSettings> slots)
    {
        if (read.Text("traffic") is { } scalar)
        {
            read.Fail("traffic", scalar, "must be a map {blue: <percent>, green: <percent>}", read.SetCommand("traffic.blue", "100"));
            return null;
        }

        if (!read.Section("traffic").GetChildren().Any())
        {
            read.Fail("traffic", null, "is required: which slot serves, in percent", $"{read.SetCommand("traffic.blue", "100")} and {read.SetCommand("traffic.green", "0")}");
            return null;
        }

        var blue = read.Int("traffic.blue", 0, 0, 100);
        var green = read.Int("traffic.green", 0, 0, 100);
        if (blue is null || green is null)
        {
            return null;
        }

        var ok = true;
        if (blue + green != 100)
        {
            read.Fail("traffic", $"blue {blue}, green {green}", $"must sum to 100 (it sums to {blue + green})", $"{read.SetCommand("traffic.green", (100 - blue.Value).ToString(CultureInfo.InvariantCulture))}");
            ok = false;
        }

        foreach (var (color, percent) in new[] { (Color.Blue, blue.Value), (Color.Green, green.Value) })
        {
            if (percent > 0 && !slots.ContainsKey(color) && !read.Section($"slots.{color.Key()}").GetChildren().Any())
            {
                read.Fail($"traffic.{color.Key()}", percent.ToString(CultureInfo.InvariantCulture), $"sends traffic to the {color.Key()} slot, which is not configured", $"configure slots.{color.Key()}, or {read.SetCommand($"traffic.{color.Key()}", "0")}");
                ok = false;
            }
        }

        return ok ? new TrafficSplit(blue.Value, green.Value) : null;
    }
}
