using HsmBlueGreen.Core.Rotation.Run;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// What one wait on AWS sees (instances left, targets healthy), for the live view. Recorded only when it changes, so
/// a 15-minute wait polled every few seconds adds a handful of journal lines, not hundreds. One per wait: a new wait
/// reports its first counts whatever the last one saw.
/// </summary>
internal sealed class Waiting(RotationRun run)
{
    private IReadOnlyDictionary<string, string>? last;

    public void Report(string message, IReadOnlyDictionary<string, string> counts)
    {
        if (last is not null && last.Count == counts.Count && counts.All(c => last.GetValueOrDefault(c.Key) == c.Value))
        {
            return;
        }

        last = counts;
        run.Record(EventKinds.Waiting, message, counts);
    }
}
