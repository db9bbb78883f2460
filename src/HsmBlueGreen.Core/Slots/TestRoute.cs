namespace HsmBlueGreen.Core.Slots;

/// <summary>
/// A slot's test route on the production listener: a rule matching one request header that forwards only to that
/// slot's target group, so a slot can be checked (and its targets stay health-checked) before it takes any share of
/// production traffic. The infra program declares it; the rotation's smoke check sends the header.
/// </summary>
public static class TestRoute
{
    public const string HeaderName = "X-Hsm-Slot";

    /// <summary>The header value that selects the slot: its color key, as clients never send it.</summary>
    public static string HeaderValue(Color color) => color.Key();

    /// <summary>Fixed rule priorities, one per slot, so a preview shows no churn (the default rule is evaluated last).</summary>
    public static int Priority(Color color) => color == Color.Blue ? 10 : 20;
}
