using System.Globalization;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>
/// What `pulumi up` declares for the slot a rotation goes to, by the logical names the infrastructure program uses
/// (<see cref="SlotNames"/>), so an operator sees the green environment before any of it exists.
/// </summary>
internal static class TargetSlotRenderer
{
    public static void Render(RotationPlan plan, Action<string> line)
    {
        var settings = plan.Settings;
        var slot = plan.TargetSlot;
        var names = new SlotNames(slot.Color);
        var zones = settings.HsmSubnets.Entries;
        line($"{Capitalized(slot.Color.Key())} slot as 'pulumi up' declares it (all of it: dotnet run --project infra/HsmBlueGreen.Infra -- --stack {settings.Stack})");
        if (settings.SlotsShareCluster)
        {
            line($"  {"shared-cluster",-24} the cluster both slots use, read with get: ({ClusterText(slot)}); its HSMs are declared once");
        }
        else
        {
            line($"  {names.Cluster,-24} {ClusterText(slot)}, {settings.HsmType}, timeouts 120m{(settings.IsProduction ? ", protected" : string.Empty)}");
            for (var i = 0; i < zones.Count; i++)
            {
                line($"  {names.Hsm(zones[i].Key),-24} HSM in {zones[i].Key} ({zones[i].Value}){(i == 0 ? (zones.Count > 1 ? "; the others wait for it" : string.Empty) : string.Empty)}");
            }
        }

        line($"  {names.ClientGroup,-24} client security group; {names.HsmIngress} opens TCP 2223-2225 on the cluster's group to it alone");
        line($"  {names.AdminHost,-24} admin host: SSM only, no public IP, IMDSv2, cloudhsm-cli for this slot's cluster");
        line($"  {names.AppGroup,-24} application group ({settings.Clients.InstanceType}, from {names.LaunchTemplate}) in {names.TargetGroup}; {Count(slot.ClientCount)} until the rotation starts it");
        line($"  {names.Secret,-24} Secrets Manager secret for {slot.CryptoUser}, created empty: the rotation fills it");
        line($"  {names.TargetGroup,-24} target group, HTTPS {settings.Listener.AppPort.ToString(CultureInfo.InvariantCulture)}, health {settings.Listener.HealthCheckPath}");
        line($"  {names.Role("admin"),-24} and {names.Role("client")}: read only this slot's secret");
    }

    private static string ClusterText(SlotSettings slot) => slot.Cluster switch
    {
        ClusterSource.FromBackup backup => $"restored from {backup.BackupId}",
        ClusterSource.Existing existing => $"existing {existing.ClusterId}",
        _ => "?",
    };

    private static string Count(int instances) => instances == 1 ? "1 instance" : $"{instances.ToString(CultureInfo.InvariantCulture)} instances";

    private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
