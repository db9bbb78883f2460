using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Operations;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Rotate.Rotation;

namespace HsmBlueGreen.Rotate.Verbs;

/// <summary>`abort`: all traffic back on the serving slot, the secret left consistent.</summary>
internal sealed class AbortCommand(RotationPortsFactory ports) : RotationCommand(ports)
{
    public override string Name => "abort";

    public override string Summary => "put all traffic back on the serving slot and leave the secret consistent";

    protected override IReadOnlyCollection<string> ValueOptions => ["stack", "to"];

    public override IReadOnlyList<string> Examples => ["hsm-rotate abort --stack dev", "hsm-rotate abort --stack dev --to blue"];

    protected override async Task<int> ExecuteAsync(RotationSession session)
    {
        var source = session.Line.Value("to") is { } to ? SlotArgument.Parse(to, session.Settings) : await session.SourceAsync().ConfigureAwait(false);
        // The interrupted run's strategy, from its record in AWS: a maintenance-window abort restarts the clients.
        var plan = RotationPlan.For(session.Settings, await session.LastRunOptionsAsync().ConfigureAwait(false), source);
        var run = session.NewRun(plan, await session.RecordAsync().ConfigureAwait(false));
        return await session.FinishAsync(await AbortOperation.RunAsync(run).ConfigureAwait(false)).ConfigureAwait(false);
    }
}
