using System.Globalization;
using HsmBlueGreen.Core.Rotation.Gates;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>
/// The gate options (--max-5xx-rate, --max-latency, --min-requests) written into each gate's <see cref="GateSpec"/>:
/// one rate limit for both 5xx gates, and one request minimum for every gate that counts requests.
/// </summary>
internal static class GateArguments
{
    /// <summary>Which gates' thresholds each option sets, in the gate's unit.</summary>
    private static readonly Dictionary<string, string> ThresholdOption = new(StringComparer.Ordinal)
    {
        ["5xx-rate"] = "max-5xx-rate",
        ["alb-5xx-rate"] = "max-5xx-rate",
        ["latency"] = "max-latency",
    };

    /// <param name="threshold">The option's value in the gate's unit, or null when the option is not given.</param>
    public static GateSpecs Apply(GateSpecs defaults, Func<string, double?> threshold, long? minRequests) =>
        defaults.With(spec => spec with
        {
            Threshold = ThresholdOption.TryGetValue(spec.Name, out var option) && threshold(option) is { } value ? value : spec.Threshold,
            MinRequests = spec.MinRequests is null ? null : minRequests ?? spec.MinRequests,
        });

    /// <summary>The limits of the first gate <paramref name="option"/> sets, as help shows its default.</summary>
    public static GateSpec SetBy(GateSpecs specs, string option) =>
        specs[ThresholdOption.First(o => string.Equals(o.Value, option, StringComparison.Ordinal)).Key];

    /// <summary>The request minimum --min-requests sets, as help shows its default.</summary>
    public static long? MinRequests(GateSpecs specs) => specs.Each.Select(s => s.MinRequests).FirstOrDefault(m => m is not null);

    /// <summary>The gate options that give <paramref name="specs"/> from the defaults, as `plan` prints the next command.</summary>
    public static string Flags(GateSpecs specs)
    {
        var flags = ThresholdOption.Values.Distinct(StringComparer.Ordinal)
            .Where(option => SetBy(specs, option).Threshold != SetBy(GateCatalogue.Defaults, option).Threshold)
            .Select(option => SetBy(specs, option).Threshold is { } value ? $" --{option} {Text(option, value)}" : string.Empty);
        var min = MinRequests(specs) is { } requests && requests != MinRequests(GateCatalogue.Defaults) ? $" --min-requests {requests.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
        return string.Concat(flags) + min;
    }

    /// <summary>A threshold as its option is typed: a rate in whole percent, a latency in milliseconds.</summary>
    private static string Text(string option, double value) => option == "max-5xx-rate"
        ? string.Create(CultureInfo.InvariantCulture, $"{value * 100:0.##}")
        : string.Create(CultureInfo.InvariantCulture, $"{value * 1000:0}ms");
}
