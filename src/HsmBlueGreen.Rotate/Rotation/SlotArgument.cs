using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>A slot named on the command line (retire's positional, abort's --to), checked against the stack.</summary>
internal static class SlotArgument
{
    public static Color Parse(string text, StackSettings settings)
    {
        if (!ColorExtensions.TryParse(text, out var color))
        {
            throw new RotationInputException($"unknown slot '{text}': a slot is blue or green.");
        }

        return settings.Slot(color) is null
            ? throw new RotationInputException($"slot {color.Key()} is not in Pulumi.{settings.Stack}.yaml (already retired?). Slots here: {string.Join(", ", settings.Slots.Keys.Select(c => c.Key()))}.")
            : color;
    }
}
