using HsmBlueGreen.Core.Rotation.Strategies;
using System.Globalization;
using HsmBlueGreen.Core.Rotation.Gates;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Record;

/// <summary>`status` lines for the run record: which run, which step of how many, why it waits, and the limits it judges with.</summary>
internal static class RunRecordLines
{
    public static IEnumerable<KeyValuePair<string, string>> Of(RunRecord? record)
    {
        if (record is null)
        {
            yield return KeyValuePair.Create("run", "no run record in AWS");
            yield break;
        }

        var state = record.Aborted ? "aborted" : record.Finished ? "finished" : record.Pause is not null ? "paused" : "in progress";
        yield return KeyValuePair.Create("run", $"{record.RunId} ({record.StrategyKey}, {record.Source.Key()} -> {record.Target.Key()}) started {Stamp(record.StartedAt)}: {state}");
        yield return KeyValuePair.Create("step", $"{record.Position} (steps {string.Join(",", record.Options.Steps.Percents)}; hash {record.StepsHash})");
        if (record.Pause is { } pause)
        {
            yield return KeyValuePair.Create("paused", $"since {Stamp(pause.At)} at {pause.Percent.ToString(CultureInfo.InvariantCulture)}%: {pause.Reason}");
        }

        if (record.ClientsDownAt is { } down)
        {
            yield return KeyValuePair.Create("clients down", $"since {Stamp(down)}");
        }

        var o = record.Options;
        yield return KeyValuePair.Create("limits", string.Create(CultureInfo.InvariantCulture, $"{GateCatalogue.Limits(o)}, health timeout {Durations.Format(o.HealthTimeout)}, bake {Durations.Format(o.Bake)}, settle {Durations.Format(o.Settle)}{(o.PauseAt is { } at ? $", pause at {at}%" : string.Empty)}"));
    }

    private static string Stamp(DateTimeOffset at) => at.ToString("u", CultureInfo.InvariantCulture);
}
