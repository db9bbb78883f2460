using System.Globalization;
using System.Text;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Gates;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Strategies;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>The `plan` text: plain, deterministic lines (golden-file tested), readable without a terminal.</summary>
internal static class PlanRenderer
{
    public static string Render(RotationPlan plan)
    {
        var settings = plan.Settings;
        var (s, t) = (plan.Source.Key(), plan.Target.Key());
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line($"hsm-rotate plan: stack {settings.Stack}, strategy {plan.Strategy.Key}, {(s == t ? $"{s} in place" : $"{s} -> {t}")}");
        Line("Read from Pulumi." + settings.Stack + ".yaml only: no AWS call was made and nothing was changed.");
        Line();
        Line("Environment");
        Line($"  vpc        {settings.VpcId}{(settings.IsProduction ? " (production)" : string.Empty)}");
        foreach (var slot in settings.Slots.Values.OrderBy(v => v.Color))
        {
            var role = slot.Color == plan.Source
                ? $"serves {settings.Traffic.For(slot.Color)}%, {(!plan.Strategy.ShiftsTraffic ? "rotated in place" : "source")}"
                : $"{settings.Traffic.For(slot.Color)}%, {(!plan.Strategy.ShiftsTraffic ? "not involved" : "target")}";
            var cluster = slot.Cluster switch
            {
                ClusterSource.Existing existing => $"cluster {existing.ClusterId}",
                ClusterSource.FromBackup backup => $"cluster restored from {backup.BackupId}",
                _ => "cluster ?",
            };
            Line($"  {slot.Color.Key(),-5}      {role}: {cluster}, crypto user {slot.CryptoUser}, {Count(slot.ClientCount, "client instance")}");
        }

        Line($"  HSMs       {settings.HsmType}, one per zone {(settings.SlotsShareCluster ? "on the cluster both slots share" : "in each slot")}: {string.Join(", ", settings.HsmSubnets.Entries.Select(e => $"{e.Key} ({e.Value})"))}");
        Line($"  listener   {settings.Listener.Protocol.ToString().ToUpperInvariant()}:{settings.Listener.Port.ToString(CultureInfo.InvariantCulture)}, stickiness {(settings.Listener.StickinessEnabled ? Durations.Format(TimeSpan.FromSeconds(settings.Listener.StickinessSeconds)) : "off")}; traffic now {settings.Traffic}");
        if (plan.Strategy.ShiftsTraffic)
        {
            Line();
            TargetSlotRenderer.Render(plan, l => Line(l));
        }

        Line();
        Line("Phases");
        var number = 0;
        foreach (var step in plan.Steps)
        {
            var about = StepText.For(step, plan);
            number++;
            Line($"  {number,2}. {step.Name,-16}{about.Title}");
            foreach (var read in about.Reads)
            {
                Line($"{string.Empty,22}reads    {read}");
            }

            foreach (var change in about.Changes)
            {
                Line($"{string.Empty,22}changes  {change}");
            }

            if (about.Operator is not null)
            {
                Line($"{string.Empty,22}operator {about.Operator}");
            }
        }

        Line();
        if (!plan.Strategy.ShiftsTraffic)
        {
            Line($"No traffic shift: {s} keeps the listener; while its clients are stopped it has no healthy target (planned downtime).");
            Line($"Window: {plan.Window}; a run starts only inside it, and the clients must be gone before it ends.");
            Line($"Any failure once the clients stop: first restore service with the old credential (change the password back if it was set), then report.");
        }
        else
        {
            RenderSchedule(plan, Line);
        }

        Line();
        RenderEstimate(plan, Line);
        Line();
        Line("Needs an operator");
        Line($"  - confirm before the first change (or pass --yes); --dry-run reads AWS and changes nothing");
        Line($"  - a failed HSM login: never retried, exit 3; check the user, then 'resume --acknowledge-login-failure'");
        if (plan.Strategy.ShiftsTraffic)
        {
            Line($"  - an inconclusive gate (missing metrics): exit 3 with traffic held; 'promote' to continue or 'abort'");
        }

        if (plan.Options.PauseAt is { } pause)
        {
            Line($"  - the pause after {t} {pause.ToString(CultureInfo.InvariantCulture)}%: 'hsm-rotate promote --stack {settings.Stack}'");
        }

        foreach (var note in plan.Strategy.OperatorNotes(plan))
        {
            Line($"  - {note}");
        }

        if (settings.Listener.StickinessEnabled && TimeSpan.FromSeconds(settings.Listener.StickinessSeconds) > plan.Options.Bake)
        {
            Line($"  - stickiness ({Durations.Format(TimeSpan.FromSeconds(settings.Listener.StickinessSeconds))}) outlasts the bake: sticky clients ignore weights and a rollback does not move them");
        }

        Line();
        Line("Exit codes: 0 done, 1 failed and rolled back, 2 bad input, 3 stopped and needs an operator, 4 crashed (a bug: report it with --verbose).");
        Line($"Next: hsm-rotate run --stack {settings.Stack}{Flags(plan)}");
        return text.ToString();
    }

    private static void RenderSchedule(RotationPlan plan, Action<string> line)
    {
        var (s, t) = (plan.Source.Key(), plan.Target.Key());
        var o = plan.Options;
        line($"Weight schedule ({Count(o.Steps.Percents.Count, "step")}; each: set-weight (set, read back, settle {Durations.Format(o.Settle)}, record in the stack), bake {Durations.Format(o.Bake)}, judge the gates)");
        line($"  {s,5} {t,5}  then");
        var pauses = plan.Steps.OfType<RotationStep.Pause>().Select(p => p.Percent).ToHashSet();
        foreach (var step in plan.Steps.OfType<RotationStep.SetWeight>())
        {
            line($"  {100 - step.Percent,5} {step.Percent,5}  {(pauses.Contains(step.Percent) ? "pause for promote" : step.Percent == 100 ? "done" : "next step")}");
        }

        line($"Gates on every bake tick (each minute): {string.Join(", ", GateCatalogue.TickNames(o))}; after each bake: all, in order. The first failure rolls back at once with one listener update to {s} 100:");
        foreach (var (name, rule, spec) in GateCatalogue.Rules(plan))
        {
            line($"  {name,-16} {rule}; {Count(spec.ConsecutiveErrorLimit, "error")} in a row = inconclusive");
        }

        line($"  Metrics gates judge complete 1-minute periods that ended {Durations.Format(MetricsWindow.ArrivalDelay)} ago (CloudWatch's delay); a bake too short to hold one waits for it. During the bake an inconclusive tick keeps baking.");
        line($"  A gate that errors is retried {Durations.Format(o.PollInterval)} apart up to its limit of errors in a row, then counts as inconclusive.");
    }

    private static void RenderEstimate(RotationPlan plan, Action<string> line)
    {
        var o = plan.Options;
        var commands = RotationPlan.SecretCommandsTime;
        line("Time estimate");
        if (plan.Strategy.ShiftsTraffic)
        {
            line($"  shifting      {Durations.Format(plan.MinimumShiftTime)} ({o.Steps.Percents.Count.ToString(CultureInfo.InvariantCulture)} x ({Durations.Format(o.Settle)} settle + {Durations.Format(plan.JudgedBake)} bake{(plan.JudgedBake > o.Bake ? " and wait for a complete period" : string.Empty)}))");
        }

        line($"  secret        about {Durations.Format(commands)} (user list, change-password, user list, login over SSM)");
        line($"  quiesce/start up to {Durations.Format(o.HealthTimeout)} each (instances stopping, then starting and passing health checks)");
        line($"  total         about {Durations.Format(plan.MinimumShiftTime + commands + RotationPlan.TypicalInstanceTime)} typical, at most {Durations.Format(plan.MinimumShiftTime + commands + (2 * o.HealthTimeout))} before a timeout stops the run");
    }

    private static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? string.Empty : "s")}";

    private static string Flags(RotationPlan plan)
    {
        var flags = new StringBuilder();
        if (plan.Strategy != RotationStrategies.Default)
        {
            flags.Append(CultureInfo.InvariantCulture, $" --strategy {plan.Strategy.Key}");
        }

        if (plan.Options.Window is { } window)
        {
            flags.Append(CultureInfo.InvariantCulture, $" --window-start {window.StartText} --window-duration {Durations.Format(window.MaxDuration)}");
        }

        if (!plan.Options.Steps.Equals(WeightSchedule.Default))
        {
            flags.Append(CultureInfo.InvariantCulture, $" --steps {plan.Options.Steps}");
        }

        if (plan.Options.Bake != RotationOptions.Default.Bake)
        {
            flags.Append(CultureInfo.InvariantCulture, $" --bake {Durations.Format(plan.Options.Bake)}");
        }

        flags.Append(GateArguments.Flags(plan.Options.Gates));
        if (plan.Options.PauseAt is { } pause)
        {
            flags.Append(CultureInfo.InvariantCulture, $" --pause-at {pause}");
        }

        if (plan.Options.SmokePath is { } smoke)
        {
            flags.Append(CultureInfo.InvariantCulture, $" --smoke-path {smoke}");
        }

        return flags.ToString();
    }
}
