using System.Globalization;
using HsmBlueGreen.Core.Rotation.Plan;

namespace HsmBlueGreen.Core.Rotation.Run;

/// <summary>
/// The downtime a maintenance-window run caused, measured from the journal: from the call that scaled the serving
/// slot's clients to zero to now (healthy targets again). The journal survives a crash, so a resume measures it too.
/// </summary>
internal static class Downtime
{
    public const string StartField = "clientsDownAt";

    public static string Measured(RotationRun run)
    {
        var down = run.Journal.ReadAll().LastOrDefault(e => e.Field(StartField) is not null)?.Field(StartField);
        return down is not null && DateTimeOffset.TryParse(down, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)
            ? Durations.Format(TimeSpan.FromSeconds(Math.Ceiling((run.Clock.GetUtcNow() - start).TotalSeconds)))
            : "not measured (the clients were already at zero when the run started)";
    }
}
