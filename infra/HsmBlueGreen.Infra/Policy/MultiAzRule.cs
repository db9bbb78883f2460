using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;

namespace HsmBlueGreen.Infra.Policy;

/// <summary>
/// With requireMultiAz, a zone outage must not take a slot down: every cluster has HSMs in at least two
/// zones and every application group spans at least two. Zones come from the AZ-keyed subnet maps.
/// </summary>
internal sealed class MultiAzRule : IPolicyRule
{
    public const string Name = "multi-az";

    public IEnumerable<PolicyViolation> Check(StackProgram program, PolicyContext context)
    {
        var settings = context.Settings;
        if (!settings.RequireMultiAz)
        {
            yield break;
        }

        var hsms = program.All<CloudHsmHsm>().ToList();
        foreach (var cluster in program.Resources.Where(r => r.Type == CloudHsmCluster.Token))
        {
            var zones = hsms
                .Where(h => SlotOf.Referenced(h.Body.ClusterId, "clusterId") == cluster.Name)
                .Select(h => h.Body.AvailabilityZone ?? ZoneOf(settings.HsmSubnets, h.Body.SubnetId))
                .Distinct(StringComparer.Ordinal)
                .Count();
            if (zones < 2)
            {
                yield return new(Name, cluster.Name, $"has HSMs in {zones} availability zone(s); requireMultiAz needs at least 2", "add a zone: pulumi config set --path 'hsmSubnets.<zone>' <subnet-id> (or, for a non-production stack only, set requireMultiAz false)");
            }
        }

        foreach (var (resource, group) in program.All<AutoScalingGroup>())
        {
            var zones = (group.VpcZoneIdentifiers ?? []).Select(s => ZoneOf(settings.ClientSubnets, s)).Distinct(StringComparer.Ordinal).Count();
            if (zones < 2)
            {
                yield return new(Name, resource.Name, $"places clients in {zones} availability zone(s); requireMultiAz needs at least 2", "add a zone: pulumi config set --path 'clientSubnets.<zone>' <subnet-id> (or, for a non-production stack only, set requireMultiAz false)");
            }
        }
    }

    private static string ZoneOf(AzMap map, string? subnetId) =>
        map.Entries.FirstOrDefault(e => string.Equals(e.Value, subnetId, StringComparison.Ordinal)).Key ?? $"unknown zone of {subnetId}";
}
