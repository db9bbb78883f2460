using System.Globalization;

namespace HsmBlueGreen.Core.Audit;

/// <summary>Ages and dates as the audit prints them: whole days (or hours under two days), ISO dates.</summary>
public static class AuditText
{
    public static string Age(TimeSpan age) =>
        age < TimeSpan.FromDays(2)
            ? $"{Math.Max(0, (int)age.TotalHours).ToString(CultureInfo.InvariantCulture)} hours"
            : $"{((int)age.TotalDays).ToString(CultureInfo.InvariantCulture)} days";

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
