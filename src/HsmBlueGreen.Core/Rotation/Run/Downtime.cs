using System.Globalization;
using HsmBlueGreen.Core.Rotation.Plan;

namespace HsmBlueGreen.Core.Rotation.Run;

/// <summary>
/// The downtime a maintenance-window run caused: from the moment the serving slot's clients were scaled to zero (kept in
/// the run record in AWS, so a resume on another machine measures it too) to now (healthy targets again).
/// </summary>
internal static class Downtime
{
    /// <summary>The journal field of the scale-to-zero call that starts the downtime (audit trail).</summary>
    public const string StartField = "clientsDownAt";

    public static string Measured(RotationRun run) =>
        run.SavedRecord?.ClientsDownAt is { } start
            ? Durations.Format(TimeSpan.FromSeconds(Math.Ceiling((run.Clock.GetUtcNow() - start).TotalSeconds)))
            : "not measured (the clients were already at zero when the run started)";
}
