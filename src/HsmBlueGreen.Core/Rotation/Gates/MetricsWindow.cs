namespace HsmBlueGreen.Core.Rotation.Gates;

/// <summary>
/// The part of a bake the metrics gates may judge: whole 60-second periods (ALB publishes its metrics per minute)
/// that started at or after the window's start and ended at least <see cref="ArrivalDelay"/> ago. A period still
/// running, or one CloudWatch may not have yet, would read as "no requests" and turn a real figure into a guess.
/// </summary>
public static class MetricsWindow
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long after a period ends we trust CloudWatch to hold it. No AWS page gives a figure for ALB metrics
    /// (docs/aws-behaviour.md marks it as needing a real account); two minutes covers what observers report.
    /// </summary>
    public static readonly TimeSpan ArrivalDelay = TimeSpan.FromMinutes(2);

    /// <summary>The complete, arrived periods of [<paramref name="start"/>, <paramref name="now"/>), or null when there is none yet.</summary>
    public static (DateTimeOffset From, DateTimeOffset To)? Of(DateTimeOffset start, DateTimeOffset now)
    {
        var from = CeilingToPeriod(start);
        var to = FloorToPeriod(now - ArrivalDelay);
        return to > from ? (from, to) : null;
    }

    /// <summary>The shortest bake after which a window surely holds a complete, arrived period (its start may fall just after a minute).</summary>
    public static TimeSpan ShortestJudgedBake => Period + Period + ArrivalDelay;

    /// <summary>When the window starting at <paramref name="start"/> first holds one complete, arrived period.</summary>
    public static DateTimeOffset FirstJudgeableAt(DateTimeOffset start) => CeilingToPeriod(start) + Period + ArrivalDelay;

    private static DateTimeOffset FloorToPeriod(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % Period.Ticks), TimeSpan.Zero);

    private static DateTimeOffset CeilingToPeriod(DateTimeOffset at)
    {
        var floor = FloorToPeriod(at);
        return floor == at ? floor : floor + Period;
    }
}
