using System.Globalization;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Cycle;
using HsmBlueGreen.Rotate.Cli;
using HsmBlueGreen.Rotate.Rotation;

namespace HsmBlueGreen.Rotate.Verbs;

/// <summary>`prepare`: restore the idle slot from a backup of the serving cluster that holds its password, and wait until it is ACTIVE.</summary>
internal sealed class PrepareCommand(RotationPortsFactory ports) : RotationCommand(ports)
{
    public override string Name => "prepare";

    public override string Summary => "restore the idle slot from the newest backup holding the serving password (pulumi up), and wait until it is ACTIVE";

    protected override IReadOnlyCollection<string> ValueOptions => ["stack", "backup-id"];

    protected override IReadOnlyCollection<string> Switches => ["json", "verbose", "yes"];

    protected override void Validate(CommandLine line)
    {
        if (line.Has("json") && !line.Has("yes"))
        {
            throw new RotationInputException("--json needs --yes: with machine output nobody can answer the confirmation. Fix: add --yes.");
        }
    }

    protected override async Task<int> ExecuteAsync(RotationSession session)
    {
        var run = session.NewRun(PrepareOperation.PlanFor(session.Settings));
        var request = PrepareRequest.Unattended(session.Line.Value("backup-id")) with { Confirm = Confirm(session) };
        return await session.FinishAsync(await PrepareOperation.RunAsync(run, request).ConfigureAwait(false)).ConfigureAwait(false);
    }

    internal static Func<Core.Ports.StackPreview, Task<bool>>? Confirm(RotationSession session) => session.Line.Has("yes")
        ? null
        : preview => Confirmation.AskAsync(session.Context, $"Apply to {session.Settings.Stack} (pulumi up): {preview.Changes.Count(s => s.Op == "create").ToString(CultureInfo.InvariantCulture)} resources to create, {preview.Changes.Count(s => s.Op == "update").ToString(CultureInfo.InvariantCulture)} to update, nothing of the serving slot replaced or deleted?");
}
