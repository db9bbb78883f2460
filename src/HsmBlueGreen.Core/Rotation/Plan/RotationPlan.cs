using HsmBlueGreen.Core.Rotation.Strategies;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Plan;

/// <summary>
/// A rotation from the serving slot to the other, as steps. Built offline from the stack settings and the
/// options; refuses (bad input) what the stack file alone shows cannot work.
/// </summary>
public sealed record RotationPlan(
    StackSettings Settings,
    RotationOptions Options,
    Color Source,
    Color Target,
    IReadOnlyList<RotationStep> Steps)
{
    public SlotSettings SourceSlot => Settings.Slots[Source];

    public SlotSettings TargetSlot => Settings.Slots[Target];

    /// <summary>The window a maintenance-window run must start in: the options', else the stack's.</summary>
    public MaintenanceWindow? Window => Options.Window ?? Settings.MaintenanceWindow;

    /// <summary>How many application instances the target starts with: the source's count, since it takes over all its traffic.</summary>
    public int TargetClientCount => Options.ClientCount ?? (SourceSlot.ClientCount > 0 ? SourceSlot.ClientCount : Settings.Clients.DefaultCount);

    public static RotationPlan For(StackSettings settings, RotationOptions options, Color? source = null)
    {
        options = options.Validated();
        if (source is null && settings.Traffic.IsSplit)
        {
            throw new RotationInputException($"traffic in Pulumi.{settings.Stack}.yaml is already split ({settings.Traffic}): a rotation is in progress. Fix: finish it with 'hsm-rotate resume --stack {settings.Stack}' or put traffic back with 'hsm-rotate abort --stack {settings.Stack}'.");
        }

        var from = source ?? settings.ServingColor;
        // A maintenance window changes the serving slot's own user: its clients stop, so no other slot takes over.
        var to = options.Strategy == Strategy.MaintenanceWindow ? from : from.Other();
        if (settings.Slot(to) is null)
        {
            throw new RotationInputException($"the {to.Key()} slot is not configured in Pulumi.{settings.Stack}.yaml, so there is nothing to rotate to. Fix: pulumi config set --stack {settings.Stack} --path 'slots.{to.Key()}.sourceBackupId' <backup of {from.Key()}>, then pulumi up.");
        }

        if (settings.Slot(from) is not { } fromSlot)
        {
            throw new RotationInputException($"the serving slot {from.Key()} is not configured in Pulumi.{settings.Stack}.yaml. Fix: check slots and traffic in the stack file.");
        }

        if (StrategyRules.Refusal(settings, options.Strategy, options.Window, fromSlot, settings.Slots[to]) is { } refusal)
        {
            throw new RotationInputException(refusal);
        }

        var plan = new RotationPlan(settings, options, from, to, []);
        return plan with { Steps = BuildSteps(plan) };
    }

    private static List<RotationStep> BuildSteps(RotationPlan plan)
    {
        var steps = new List<RotationStep>
        {
            new RotationStep.Preflight(),
            new RotationStep.Quiesce(),
        };
        if (plan.Options.Strategy == Strategy.GreenCluster)
        {
            // Only a restored cluster starts with the source's password; a second user on the same cluster has its own.
            steps.Add(new RotationStep.SeedSecret());
        }

        steps.AddRange(
        [
            new RotationStep.CreatePending(),
            new RotationStep.SetPassword(),
            new RotationStep.VerifyPassword(),
            new RotationStep.PromoteSecret(),
            new RotationStep.StartTarget(plan.TargetClientCount),
        ]);
        if (plan.Source == plan.Target)
        {
            steps.Add(new RotationStep.Finish());
            return steps;
        }

        if (plan.Options.SmokePath is { } path)
        {
            steps.Add(new RotationStep.SmokeCheck(path));
        }

        steps.AddRange(plan.Options.Steps.Percents.Select(p => new RotationStep.ShiftWeight(p, plan.Options.Bake, p == plan.Options.PauseAt)));
        steps.Add(new RotationStep.Finish());
        return steps;
    }

    /// <summary>The cloudhsm-cli runs over SSM (user list, change-password, user list, login), about 30-45 s each.</summary>
    public static readonly TimeSpan SecretCommandsTime = TimeSpan.FromMinutes(3);

    /// <summary>Instances stopping and starting in a typical run, on top of the shift and the commands.</summary>
    public static readonly TimeSpan TypicalInstanceTime = TimeSpan.FromMinutes(5);

    /// <summary>The least time a run takes: each weight's settle window and bake; AWS calls and health waits come on top.</summary>
    public TimeSpan MinimumShiftTime => Source == Target ? TimeSpan.Zero : (Options.Settle + JudgedBake) * Options.Steps.Percents.Count;

    /// <summary>The bake, or longer when it is too short to hold a complete 1-minute period CloudWatch has received: the gates wait for one.</summary>
    public TimeSpan JudgedBake => Options.Bake > Gates.MetricsWindow.ShortestJudgedBake ? Options.Bake : Gates.MetricsWindow.ShortestJudgedBake;
}
