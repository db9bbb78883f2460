using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HsmBlueGreen.Core.Rotation.Plan;

/// <summary>Durations as operators type them ("5m", "90s", "1h30m", "0s") and as the plan prints them.</summary>
public static partial class Durations
{
    public static TimeSpan Parse(string option, string text)
    {
        if (!TryParse(text, out var total))
        {
            throw new RotationInputException($"--{option} '{text}' is not a duration: use a number with h, m or s, e.g. --{option} 5m, 90s or 1h30m.");
        }

        if (total > TimeSpan.FromHours(24))
        {
            throw new RotationInputException($"--{option} '{text}' is longer than 24h: use a shorter duration.");
        }

        return total;
    }

    /// <summary>Reads "1h30m", "90s"...; false for anything else (config binding words its own error).</summary>
    public static bool TryParse(string text, out TimeSpan total)
    {
        total = TimeSpan.Zero;
        var match = Pattern().Match(text.Trim());
        if (!match.Success || match.Length == 0 || text.Trim().Length == 0)
        {
            return false;
        }

        foreach (var (group, unit) in new[] { ("h", TimeSpan.FromHours(1)), ("m", TimeSpan.FromMinutes(1)), ("s", TimeSpan.FromSeconds(1)) })
        {
            if (match.Groups[group].Success)
            {
                total += unit * int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
            }
        }

        return true;
    }

    public static string Format(TimeSpan span)
    {
        if (span == TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder();
        var rest = TimeSpan.FromSeconds(Math.Ceiling(span.TotalSeconds));
        if (rest.TotalHours >= 1)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(int)rest.TotalHours}h");
        }

        // 1h0m30s, not 1h30s, which reads as an hour and a half.
        if (rest.Minutes > 0 || (rest.TotalHours >= 1 && rest.Seconds > 0))
        {
            text.Append(CultureInfo.InvariantCulture, $"{rest.Minutes}m");
        }

        if (rest.Seconds > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{rest.Seconds}s");
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^(?:(?<h>\d{1,3})h)?(?:(?<m>\d{1,4})m)?(?:(?<s>\d{1,5})s)?$")]
    private static partial Regex Pattern();
}
