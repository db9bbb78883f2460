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
    /// <summary>The strategy the options name: what it rotates, its steps and how it differs from the others.</summary>
    public IRotationStrategy Strategy => RotationStrategies.For(Options.StrategyKey);

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
        var strategy = RotationStrategies.For(options.StrategyKey);
        var to = strategy.TargetOf(from);
        if (settings.Slot(to) is null)
        {
            throw new RotationInputException($"the {to.Key()} slot is not configured in Pulumi.{settings.Stack}.yaml, so there is nothing to rotate to. Fix: pulumi config set --stack {settings.Stack} --path 'slots.{to.Key()}.sourceBackupId' <backup of {from.Key()}>, then pulumi up.");
        }

        if (settings.Slot(from) is not { } fromSlot)
        {
            throw new RotationInputException($"the serving slot {from.Key()} is not configured in Pulumi.{settings.Stack}.yaml. Fix: check slots and traffic in the stack file.");
        }

        if (strategy.Refusal(settings, options.Window, fromSlot, settings.Slots[to]) is { } refusal)
        {
            throw new RotationInputException(refusal);
        }

        var plan = new RotationPlan(settings, options, from, to, []);
        return plan with { Steps = strategy.Steps(plan) };
    }

    /// <summary>Where a step stands in <see cref="Steps"/>: the run record's step index counts in these.</summary>
    public int IndexOf(RotationStep step)
    {
        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i] == step)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(step), step, "not a step of this plan");
    }

    /// <summary>The cloudhsm-cli runs over SSM (user list, change-password, user list, login), about 30-45 s each.</summary>
    public static readonly TimeSpan SecretCommandsTime = TimeSpan.FromMinutes(3);

    /// <summary>Instances stopping and starting in a typical run, on top of the shift and the commands.</summary>
    public static readonly TimeSpan TypicalInstanceTime = TimeSpan.FromMinutes(5);

    /// <summary>The least time a run takes: each weight's settle window and bake; AWS calls and health waits come on top.</summary>
    public TimeSpan MinimumShiftTime => (Options.Settle + JudgedBake) * Steps.OfType<RotationStep.SetWeight>().Count();

    /// <summary>The bake, or longer when it is too short to hold a complete 1-minute period CloudWatch has received: the gates wait for one.</summary>
    public TimeSpan JudgedBake => Options.Bake > Gates.MetricsWindow.ShortestJudgedBake ? Options.Bake : Gates.MetricsWindow.ShortestJudgedBake;
}
