using System.Globalization;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Strategies;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>
/// A maintenance window that cannot hold the rotation is refused by `plan` and `run` alike: one that has already
/// ended, or one shorter than the plan's own typical estimate of the downtime.
/// </summary>
internal static class WindowChecks
{
    public static void Refuse(RotationPlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.Strategy.RunsInWindow || plan.Window is not { } window)
        {
            return;
        }

        var source = plan.Options.Window is null ? $"maintenanceWindow in Pulumi.{plan.Settings.Stack}.yaml" : "--window-start";
        if (window.OnceAt is { } once && once + window.MaxDuration <= now)
        {
            throw new RotationInputException(string.Create(CultureInfo.InvariantCulture, $"the window from {source} ({window}) ended before now ({now.UtcDateTime:yyyy-MM-dd'T'HH:mm'Z'}). Fix: give a start still to come, e.g. --window-start {now.UtcDateTime.AddDays(1):yyyy-MM-dd}T02:00Z, or a daily HH:mm."));
        }

        var estimate = plan.MinimumShiftTime + RotationPlan.SecretCommandsTime + RotationPlan.TypicalInstanceTime;
        if (window.MaxDuration < estimate)
        {
            throw new RotationInputException($"the window is {Durations.Format(window.MaxDuration)}, shorter than the plan's own estimate of about {Durations.Format(estimate)} (secret commands {Durations.Format(RotationPlan.SecretCommandsTime)} + instances stopping and starting {Durations.Format(RotationPlan.TypicalInstanceTime)}). Fix: --window-duration {Durations.Format(estimate)} or longer.");
        }
    }
}
