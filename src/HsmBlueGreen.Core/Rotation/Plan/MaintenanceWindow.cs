using System.Globalization;

namespace HsmBlueGreen.Core.Rotation.Plan;

/// <summary>
/// When planned downtime is accepted: a start (every day at a UTC time, or once at an instant) and a maximum
/// duration. The maintenance-window strategy starts only inside it and must have its clients down within it.
/// </summary>
public sealed record MaintenanceWindow(TimeOnly? DailyStartUtc, DateTimeOffset? OnceAt, TimeSpan MaxDuration)
{
    public const string StartFormats = "HH:mm (every day, UTC) or an ISO 8601 instant such as 2026-11-22T02:00Z";

    /// <summary>The window that contains <paramref name="now"/> as (start, end), or null when outside every window.</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? Containing(DateTimeOffset now)
    {
        var starts = OnceAt is { } once
            ? [once]
            : new[] { now.UtcDateTime.Date.AddDays(-1), now.UtcDateTime.Date }.Select(d => new DateTimeOffset(d + DailyStartUtc!.Value.ToTimeSpan(), TimeSpan.Zero));
        foreach (var start in starts)
        {
            if (now >= start && now < start + MaxDuration)
            {
                return (start, start + MaxDuration);
            }
        }

        return null;
    }

    /// <summary>The next start after <paramref name="now"/>, for the refusal's fix text.</summary>
    public DateTimeOffset? NextStart(DateTimeOffset now)
    {
        if (OnceAt is { } once)
        {
            return once > now ? once : null;
        }

        var today = new DateTimeOffset(now.UtcDateTime.Date + DailyStartUtc!.Value.ToTimeSpan(), TimeSpan.Zero);
        return today > now ? today : today.AddDays(1);
    }

    public static bool TryParseStart(string text, out TimeOnly? daily, out DateTimeOffset? once)
    {
        (daily, once) = (null, null);
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            daily = time;
            return true;
        }

        if (text.Contains('T', StringComparison.Ordinal) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            once = instant;
            return true;
        }

        return false;
    }

    /// <summary>The start as --window-start takes it (journal lines and the plan show it this way).</summary>
    public string StartText => OnceAt is { } once ? once.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture) : DailyStartUtc!.Value.ToString("HH:mm", CultureInfo.InvariantCulture);

    public override string ToString() =>
        $"{(OnceAt is null ? $"daily {StartText} UTC" : StartText)} for up to {Durations.Format(MaxDuration)}";
}
