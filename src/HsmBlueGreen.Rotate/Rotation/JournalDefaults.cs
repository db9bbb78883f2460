using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Run;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>A resumed run keeps the interrupted run's schedule unless the operator gives another on the command line.</summary>
internal static class JournalDefaults
{
    private static readonly Dictionary<string, string> FieldByOption = new(StringComparer.Ordinal)
    {
        ["strategy"] = "strategy",
        ["window-start"] = "windowStart",
        ["window-duration"] = "windowDuration",
        ["steps"] = "steps",
        ["bake"] = "bake",
        ["settle"] = "settle",
        ["pause-at"] = "pauseAt",
        ["client-count"] = "clientCount",
        ["smoke-path"] = "smokePath",
    };

    public static Func<string, string?> From(IRotationJournal journal)
    {
        var started = journal.ReadAll().LastOrDefault(e => e.Kind == EventKinds.RunStarted);
        return option => FieldByOption.TryGetValue(option, out var field) && started?.Field(field) is { Length: > 0 } value ? value : null;
    }
}
