using System.Globalization;
using HsmBlueGreen.Core.Config;

namespace HsmBlueGreen.Core.Settings;

/// <summary>`flowLogRetentionDays`: CloudWatch Logs accepts only these retention periods, so any other number is refused while binding.</summary>
public static class FlowLogRetention
{
    public const int DefaultDays = 90;

    public static readonly IReadOnlyList<int> AllowedDays =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    internal static int? Read(SettingReader read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var days = read.Int("flowLogRetentionDays", DefaultDays, AllowedDays[0], AllowedDays[^1]);
        if (days is { } value && !AllowedDays.Contains(value))
        {
            var nearest = AllowedDays.MinBy(d => Math.Abs(d - value));
            read.Fail(
                "flowLogRetentionDays",
                value.ToString(CultureInfo.InvariantCulture),
                $"is not a CloudWatch Logs retention period ({string.Join(", ", AllowedDays)})",
                read.SetCommand("flowLogRetentionDays", nearest.ToString(CultureInfo.InvariantCulture)));
            return null;
        }

        return days;
    }
}
