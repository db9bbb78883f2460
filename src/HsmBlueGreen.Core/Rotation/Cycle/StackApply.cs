using System.Globalization;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Cycle;

/// <summary>
/// Refuses while an interrupted update left operations pending in the stack's state, shows what `pulumi preview` would change, refuses when it would delete or replace anything of the serving slot
/// (its cluster holds the only serving users and keys), asks, then runs `pulumi up` on the whole stack.
/// </summary>
internal static class StackApply
{
    /// <returns>null when applied; otherwise why it stopped.</returns>
    public static async Task<RunResult?> RunAsync(RotationRun run, Func<StackPreview, Task<bool>>? confirm, bool writtenNow)
    {
        var (stack, target, serving) = (run.Stack, run.Target.Key(), run.Source.Key());
        run.Call("pulumi:stack-export", $"pulumi stack export --stack {stack} (operations an interrupted update left under way)");
        var pending = await run.Ports.Stack.PendingOperationsAsync(stack, run.CancellationToken).ConfigureAwait(false);
        if (pending.Count > 0)
        {
            if (writtenNow)
            {
                await SlotConfig.RemoveAsync(run).ConfigureAwait(false);
            }

            // Pulumi warns and goes on; a create it lost track of would then be made again (a second cluster, billed by the hour).
            var what = string.Join(", ", pending.Select(p => $"{p.Urn} ({p.Type})"));
            return PrepareOperation.Stop(run, RotationOutcome.NeedsOperator, $"an earlier pulumi update of stack {stack} was interrupted and left {what} in an unknown state: a resource it was creating may exist in AWS without being in the stack, and another up would create it again. Nothing was applied. Fix: check in AWS whether each exists ('aws cloudhsmv2 describe-clusters', the console), then 'pulumi refresh --stack {stack}' run interactively (it asks what to do with each pending create: import one that exists with --import-pending-creates <urn> <id>, drop one that does not with --clear-pending-creates), then run this again.");
        }

        run.Call("pulumi:preview", $"pulumi preview --stack {stack}");
        var preview = await run.Ports.Stack.PreviewAsync(stack, run.CancellationToken).ConfigureAwait(false);
        var counts = preview.Changes.GroupBy(s => s.Op).Select(g => $"{g.Key} {g.Count().ToString(CultureInfo.InvariantCulture)}");
        run.Record(EventKinds.Check, $"pulumi preview: {string.Join(", ", counts.DefaultIfEmpty("no changes"))}", new Dictionary<string, string> { ["creates"] = preview.Changes.Count(s => s.Op == "create").ToString(CultureInfo.InvariantCulture) });
        foreach (var step in preview.Changes)
        {
            run.Record(EventKinds.Check, $"  {step.Op} {step.Name}", new Dictionary<string, string> { ["op"] = step.Op, ["urn"] = step.Urn });
        }

        var ending = preview.Changes.Where(s => SlotConfig.EndsServing(run, s)).ToList();
        if (ending.Count > 0)
        {
            if (writtenNow)
            {
                await SlotConfig.RemoveAsync(run).ConfigureAwait(false);
            }

            var what = string.Join(", ", ending.Select(s => $"{s.Op} {s.Urn}"));
            var config = writtenNow ? $"slots.{target} was removed again, so " : string.Empty;
            return PrepareOperation.Stop(run, RotationOutcome.NeedsOperator, $"pulumi preview would end resources of the serving slot {serving}: {what}. Nothing was applied; {config}the stack is as before. Find why with 'pulumi preview --stack {stack} --diff' (a changed input that forces a replacement?) before preparing {target}.");
        }

        if (confirm is not null && !await confirm(preview).ConfigureAwait(false))
        {
            return PrepareOperation.Stop(run, RotationOutcome.NeedsOperator, $"not confirmed: nothing was applied (slots.{target} stays in Pulumi.{stack}.yaml; run prepare again to continue, or pulumi config rm --stack {stack} --path 'slots.{target}'). Pass --yes to skip the question.");
        }

        run.Call("pulumi:up", $"pulumi up --stack {stack} (creates {target}: its cluster restored from the backup, HSMs, admin host, application group, target group, secret)");
        await run.Ports.Stack.UpAsync(stack, [], run.CancellationToken).ConfigureAwait(false);
        return null;
    }
}
