namespace HsmBlueGreen.Core.Slots;

/// <summary>The two slots of a stack. A rotation always goes from the slot that serves to the other one.</summary>
public enum Color
{
    Blue,
    Green,
}

public static class ColorExtensions
{
    public static Color Other(this Color color) => color == Color.Blue ? Color.Green : Color.Blue;

    /// <summary>The lower-case name used in stack config keys, resource names and outputs.</summary>
    public static string Key(this Color color) => color == Color.Blue ? "blue" : "green";

    public static bool TryParse(string? text, out Color color)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "blue": color = Color.Blue; return true;
            case "green": color = Color.Green; return true;
            default: color = default; return false;
        }
    }
}
