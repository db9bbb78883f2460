using System.Globalization;
using HsmBlueGreen.Core.Policies;
using HsmBlueGreen.Infra.Declarations;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;

namespace HsmBlueGreen.Infra.Policy;

/// <summary>
/// What keeps a deployment from hurting itself: every resource pinned to the provider version plugin
/// discovery saw, long create/delete timeouts on clusters and HSMs (an HSM takes 10-20 minutes), their
/// replacing inputs frozen once created, and restored production clusters protected from deletion.
/// </summary>
internal sealed class LifecycleRule : IPolicyRule
{
    public const string ProviderPinned = "provider-version-pinned";
    public const string HsmTimeouts = "cloudhsm-timeouts";
    public const string ProtectedInProduction = "protect-production-clusters";
    public const string FrozenInputs = "cloudhsm-inputs-frozen";
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromMinutes(120);

    public IEnumerable<PolicyViolation> Check(StackProgram program, PolicyContext context)
    {
        foreach (var resource in program.Resources)
        {
            if (resource.Options.Version != AwsProvider.Version)
            {
                yield return new(ProviderPinned, resource.Name, $"is pinned to '{resource.Options.Version}'", $"pin options.version to {AwsProvider.Version} like every other resource");
            }

            if (resource.Body is CloudHsmCluster or CloudHsmHsm && !LongEnough(resource.Options.CustomTimeouts))
            {
                yield return new(HsmTimeouts, resource.Name, "has create or delete timeouts under 120 minutes", "set customTimeouts {create: 120m, delete: 120m}");
            }

            var required = resource.Body switch
            {
                CloudHsmCluster => ClusterDeclarations.ClusterFrozenInputs,
                CloudHsmHsm => ClusterDeclarations.HsmFrozenInputs,
                _ => [],
            };
            var unfrozen = required.Except(resource.Options.IgnoreChanges, StringComparer.Ordinal).ToList();
            if (unfrozen.Count > 0)
            {
                yield return new(FrozenInputs, resource.Name, $"would be replaced by a later edit of {string.Join(", ", unfrozen)}", $"add {string.Join(", ", unfrozen)} to options.ignoreChanges");
            }

            // A cluster tagged retiring is on its way out (hsm-rotate retire): its protection is lifted on purpose.
            if (resource.Body is CloudHsmCluster cluster && context.Settings.IsProduction && !resource.Options.Protect && !IsRetiring(cluster))
            {
                yield return new(ProtectedInProduction, resource.Name, "is a production cluster without protect", "set options.protect: true");
            }
        }
    }

    private static bool IsRetiring(CloudHsmCluster cluster) =>
        cluster.Tags?.GetValueOrDefault(StackTags.SlotState) == StackTags.Retiring;

    private static bool LongEnough(CustomTimeouts? timeouts) =>
        timeouts is not null && Minutes(timeouts.Create) >= MinimumTimeout && Minutes(timeouts.Delete) >= MinimumTimeout;

    /// <summary>The Go durations the program uses ("120m", "2h"); anything else counts as no timeout.</summary>
    private static TimeSpan Minutes(string? goDuration)
    {
        if (goDuration is not { Length: > 1 } || !int.TryParse(goDuration[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return TimeSpan.Zero;
        }

        return goDuration[^1] switch
        {
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            _ => TimeSpan.Zero,
        };
    }
}
