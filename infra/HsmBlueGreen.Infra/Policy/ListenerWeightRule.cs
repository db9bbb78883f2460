using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Infra.Build;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;

namespace HsmBlueGreen.Infra.Policy;

/// <summary>
/// The listener forwards exactly the configured split: each slot with a share at its weight, and no slot at
/// weight 0 (AWS can store 0 as 1, pulumi-aws issue 5772, and send it traffic).
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
        var expected = Enum.GetValues<Color>().Where(c => traffic.For(c) > 0).Select(c => ((Color?)c, traffic.For(c))).ToList();
        if (!actual.OrderBy(a => a.Slot).SequenceEqual(expected))
        {
            var shown = string.Join(", ", actual.Select(a => $"{a.Slot?.Key() ?? "?"} {a.Weight}"));
            yield return new(Name, resource.Name, $"forwards [{shown}] but traffic is {traffic}", "list each slot's target group with weight = its traffic percent, and leave out slots at 0%");
        }
    }
}
