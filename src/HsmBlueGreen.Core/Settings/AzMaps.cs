using HsmBlueGreen.Core.Config;

namespace HsmBlueGreen.Core.Settings;

/// <summary>Binds an availability-zone-to-subnet map, which lets placement be checked without a cloud call.</summary>
internal static class AzMaps
{
    public static AzMap? Read(SettingReader read, string key, int minZones)
    {
        var example = $"{IdRule.AvailabilityZone.Example}: {IdRule.Subnet.Example}";
        if (read.Text(key) is { } scalar)
        {
            read.Fail(key, scalar, "must be a map of availability zone to subnet id", read.SetCommand($"{key}.{IdRule.AvailabilityZone.Example}", IdRule.Subnet.Example));
            return null;
        }

        var entries = new List<KeyValuePair<string, string>>();
        var ok = true;
        foreach (var child in read.Section(key).GetChildren())
        {
            var path = $"{key}.{child.Key}";
            if (!IdRule.AvailabilityZone.Matches(child.Key))
            {
                read.Fail(path, child.Value, $"'{child.Key}' is not {IdRule.AvailabilityZone.Description}", $"key the map by zone, e.g. {example}");
                ok = false;
            }
            else if (child.Value is null || !IdRule.Subnet.Matches(child.Value))
            {
                read.Fail(path, child.Value, $"is not {IdRule.Subnet.Description}", read.SetCommand(path, IdRule.Subnet.Example));
                ok = false;
            }
            else
            {
                entries.Add(KeyValuePair.Create(child.Key, child.Value));
            }
        }

        var duplicate = entries.GroupBy(e => e.Value, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            read.Fail(key, duplicate.Key, "names the same subnet for more than one zone (a subnet lies in exactly one zone)", "give each zone its own subnet");
            ok = false;
        }

        if (ok && entries.Count < minZones)
        {
            var rule = minZones == 1
                ? "is required: a map of availability zone to subnet id"
                : $"needs at least {minZones} availability zones (it has {entries.Count})";
            read.Fail(key, null, rule, $"add zones: {read.SetCommand($"{key}.{IdRule.AvailabilityZone.Example}", IdRule.Subnet.Example)}");
            ok = false;
        }

        return ok ? new AzMap([.. entries.OrderBy(e => e.Key, StringComparer.Ordinal)]) : null;
    }
}
