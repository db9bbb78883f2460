using System.Text.Json;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Operations;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Rotate.Cli;
using HsmBlueGreen.Rotate.Rotation;
using HsmBlueGreen.Rotate.Rotation.View;

namespace HsmBlueGreen.Rotate.Verbs;

/// <summary>`status`: read-only; phase, weights, target health, secret version stages, the run record (step, pause, limits), lock.</summary>
internal sealed class StatusCommand(RotationPortsFactory ports) : RotationCommand(ports)
{
    public override string Name => "status";

    public override string Summary => "show the current phase, weights, target health, secret version stages and the run record kept in AWS";

    protected override bool ChangesState => false;

    protected override IReadOnlyCollection<string> Switches => ["json", "verbose", "watch"];

    /// <summary>--watch follows the run live.</summary>
    protected override bool ShowsLiveView => true;

    protected override async Task<int> ExecuteAsync(RotationSession session)
    {
        if (session.Line.Has("watch"))
        {
            // The journal has every event of a run this machine made; a run made elsewhere is followed through its record in AWS.
            var record = await session.RecordAsync().ConfigureAwait(false);
            return record is not null && JournalWatch.LastRunId(session.Journal) != record.RunId
                ? await RecordWatch.FollowAsync(session).ConfigureAwait(false)
                : await JournalWatch.FollowAsync(session.Journal, session.Events, session.Context).ConfigureAwait(false);
        }

        var plan = RotationPlan.For(session.Settings, await session.LastRunOptionsAsync().ConfigureAwait(false), await session.SourceAsync().ConfigureAwait(false));
        var lines = await StatusOperation.ReadAsync(session.NewRun(plan, await session.RecordAsync().ConfigureAwait(false))).ConfigureAwait(false);
        if (session.Json)
        {
            var fields = lines.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
            await session.Context.Out.WriteLineAsync(JsonSerializer.Serialize(new StatusJson("status", fields), EventJson.Default.StatusJson)).ConfigureAwait(false);
            return ExitCodes.Done;
        }

        var width = lines.Max(l => l.Key.Length) + 2;
        foreach (var (key, value) in lines)
        {
            await session.Context.Out.WriteLineAsync($"{(key + ":").PadRight(width)}{value}").ConfigureAwait(false);
        }

        return ExitCodes.Done;
    }
}
