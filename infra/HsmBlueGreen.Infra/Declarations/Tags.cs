using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Policies;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Infra.Declarations;

/// <summary>Tags on everything: which stack and slot a resource belongs to, for people reading the console and bills.</summary>
internal static class Tags
{
    public static IReadOnlyDictionary<string, string> For(StackSettings settings, Color? color, string name)
    {
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["Name"] = $"{ProjectNamespace.Name}-{settings.Stack}-{name}",
            [StackTags.Stack] = settings.Stack, // the tag the generated IAM policies scope by
        };
        if (color is { } slot)
        {
            tags[$"{ProjectNamespace.Name}:slot"] = slot.Key();
        }

        return tags;
    }

    /// <summary>A retiring slot's cluster carries the one tag under which the deny statements allow deleting it.</summary>
    public static IReadOnlyDictionary<string, string> ForCluster(StackSettings settings, SlotSettings slot, string name)
    {
        var tags = new SortedDictionary<string, string>(For(settings, slot.Color, name).ToDictionary(), StringComparer.Ordinal);
        if (slot.Retiring)
        {
            tags[StackTags.SlotState] = StackTags.Retiring;
        }

        return tags;
    }
}
