using HsmBlueGreen.Core.Rotation.Run;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// What a step sees while it waits on AWS (instances left, targets healthy), for the live view. Recorded only when it
/// changes, so a 15-minute wait polled every few seconds adds a handful of journal lines, not hundreds.
/// </summary>
internal static class Waiting
{
    public static void Report(RotationRun run, string message, IReadOnlyDictionary<string, string> counts)
    {
        var last = run.LastWaiting;
        if (last is not null && last.Count == counts.Count && counts.All(c => last.GetValueOrDefault(c.Key) == c.Value))
        {
            return;
        }

        run.LastWaiting = counts;
        run.Record(EventKinds.Waiting, message, counts);
    }
}
