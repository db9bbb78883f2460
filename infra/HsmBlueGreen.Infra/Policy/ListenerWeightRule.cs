using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Infra.Declarations;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;

namespace HsmBlueGreen.Infra.Policy;

/// <summary>
/// The listener forwards exactly the configured split: every slot listed at its weight, a slot without traffic at an
/// explicit 0, since ELB does not health-check a target group that no listener or rule forwards to.
/// </summary>
internal sealed class ListenerWeightRule : IPolicyRule
{
    public const string Name = "listener-weights-match-traffic";

    public IEnumerable<PolicyViolation> Check(StackProgram program, PolicyContext context)
    {
        var traffic = context.Settings.Traffic;
        var listeners = program.All<Listener>().ToList();
        if (listeners.Count != 1)
        {
            yield return new(Name, StackResourceNames.Listener, $"the program declares {listeners.Count} listeners", "declare exactly one listener");
            yield break;
        }

        var (resource, listener) = listeners[0];
        var forwarded = listener.DefaultActions.SelectMany(a => a.Forward?.TargetGroups ?? []).ToList();
        var actual = forwarded
            .Select(g => (Slot: SlotOf.Referenced(g.Arn, "arn") is { } name ? SlotOf.Name(name) : null, g.Weight))
            .ToList();
        var expected = context.Settings.Slots.Keys.Order().Select(c => ((Color?)c, traffic.For(c))).ToList();
        if (!actual.OrderBy(a => a.Slot).SequenceEqual(expected))
        {
            var shown = string.Join(", ", actual.Select(a => $"{a.Slot?.Key() ?? "?"} {a.Weight}"));
            yield return new(Name, resource.Name, $"forwards [{shown}] but traffic is {traffic}", "list every slot's target group with weight = its traffic percent, 0 included");
        }
    }
}
