using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Settings;

/// <summary>
/// Binds and validates raw stack config into <see cref="StackSettings"/> at the edge, once. Every error is
/// collected (key, value, rule, fix) and thrown together as a <see cref="ConfigException"/>.
/// </summary>
public static class StackSettingsBinder
{
    public static StackSettings Bind(string stack, RawStackConfig raw)
    {
        var errors = new List<ConfigError>();
        KnownKeys.Check(raw.Values, errors);
        var read = new SettingReader(raw.ToConfiguration(), raw.SecretKeys, stack, errors);

        var vpcId = read.Id("vpcId", IdRule.Vpc, required: true);
        var hsmSubnets = AzMaps.Read(read, "hsmSubnets", minZones: 1);
        var clientSubnets = AzMaps.Read(read, "clientSubnets", minZones: 1);
        var albSubnets = AzMaps.Read(read, "albSubnets", minZones: 2);
        var listener = ListenerBinder.Read(read);
        var clientAmi = read.Id("clientAmiId", IdRule.Ami, required: true);
        var instanceType = read.Id("clientInstanceType", IdRule.InstanceType, required: false) ?? "t3.small";
        var clientCount = read.Int("clientCount", 2, 0, 100);
        var adminAmi = read.Id("adminAmiId", IdRule.Ami, required: false);
        var adminInstanceType = read.Id("adminInstanceType", IdRule.InstanceType, required: false) ?? StackSettings.DefaultAdminInstanceType;
        var hsmType = read.Id("hsmType", IdRule.HsmType, required: false) ?? "hsm2m.medium";
        var requireMultiAz = read.Bool("requireMultiAz", true);
        var emails = read.List("alertEmails", IdRule.Email, "email addresses");
        var customerCa = read.Id("customerCaParameter", IdRule.SsmParameterName, required: true);
        var slots = SlotBinder.Read(read, clientCount ?? 0);
        var traffic = TrafficBinder.Read(read, slots);
        RefuseServingRetiringSlot(read, slots, traffic);
        var flowLogDays = FlowLogRetention.Read(read);
        var operatorRole = read.Id("operatorRoleName", IdRule.IamRoleName, required: false);
        var keyLabels = KeyLabelBinder.Read(read);
        var window = MaintenanceWindowBinder.Read(read);
        var prices = PriceBinder.Read(read);

        if (errors.Count > 0)
        {
            throw new ConfigException(raw.Source, errors);
        }

        return new StackSettings(
            stack,
            vpcId!,
            hsmSubnets!,
            clientSubnets!,
            albSubnets!,
            listener!,
            new ClientSettings(clientAmi!, instanceType, clientCount!.Value),
            hsmType,
            requireMultiAz!.Value,
            emails,
            customerCa!,
            slots,
            traffic!)
        {
            AdminAmiId = adminAmi,
            AdminInstanceType = adminInstanceType,
            FlowLogRetentionDays = flowLogDays ?? FlowLogRetention.DefaultDays,
            OperatorRoleName = operatorRole,
            KeyLabels = keyLabels,
            MaintenanceWindow = window,
            Prices = prices,
        };
    }

    /// <summary>A retiring slot is about to be deleted: it must not take traffic.</summary>
    private static void RefuseServingRetiringSlot(SettingReader read, IReadOnlyDictionary<Color, SlotSettings> slots, TrafficSplit? traffic)
    {
        foreach (var slot in slots.Values.Where(s => s.Retiring && traffic is not null && traffic.For(s.Color) > 0))
        {
            var key = slot.Color.Key();
            read.Fail($"slots.{key}.retiring", "true", $"marks {key} for deletion while it takes {traffic!.For(slot.Color)}% of the traffic", $"move its traffic first (hsm-rotate run), or {read.SetCommand($"slots.{key}.retiring", "false")}");
        }
    }
}
