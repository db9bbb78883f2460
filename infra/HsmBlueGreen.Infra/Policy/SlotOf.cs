using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Infra.Emit;

namespace HsmBlueGreen.Infra.Policy;

/// <summary>Which slot a resource name or an output reference belongs to, by the slot prefix of its name.</summary>
internal static class SlotOf
{
    public static Color? Name(string resourceName)
    {
        foreach (var color in Enum.GetValues<Color>())
        {
            if (resourceName.StartsWith(StackResourceNames.SlotPrefix(color), StringComparison.Ordinal))
            {
                return color;
            }
        }

        return null;
    }

    /// <summary>The resource an exact `${name.property}` reference points at, or null for anything else.</summary>
    public static string? Referenced(string? value, string property)
    {
        if (value is null || !value.StartsWith("${", StringComparison.Ordinal) || !value.EndsWith('}'))
        {
            return null;
        }

        var access = Interpolation.Accesses(value).SingleOrDefault();
        var root = access is null ? null : Interpolation.Root(access);
        return root is not null && access == $"{root}.{property}" ? root : null;
    }
}
