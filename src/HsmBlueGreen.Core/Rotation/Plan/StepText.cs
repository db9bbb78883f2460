using System.Globalization;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Gates;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Strategies;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Plan;

/// <summary>What a step reads and changes, with the AWS API calls behind it: the plan prints it, runs title their steps with it.</summary>
public sealed record StepText(string Title, IReadOnlyList<string> Reads, IReadOnlyList<string> Changes, string? Operator = null)
{
    public static string TitleOf(RotationStep step, RotationPlan plan) => For(step, plan).Title;

    public static StepText For(RotationStep step, RotationPlan plan)
    {
        var (s, t) = (plan.Source.Key(), plan.Target.Key());
        var user = plan.TargetSlot.CryptoUser;
        return plan.Strategy.Describe(step, plan) ?? step switch
        {
            RotationStep.Quiesce => new(
                $"Quiesce {t}: its application group at 0, no instance left",
                ["autoscaling:DescribeAutoScalingGroups until no instance is left (none may hold an HSM session)"],
                plan.TargetSlot.ClientCount == 0
                    ? ["autoscaling:SetDesiredCapacity 0, only if the group is above 0"]
                    : [$"stack config slots.{t}.clientCount = 0", "autoscaling:SetDesiredCapacity 0"]),
            RotationStep.SeedSecret => new(
                $"Seed {t}'s secret with {s}'s credential as of {t}'s backup (its cluster came from {s}'s backup)",
                [$"secretsmanager:GetSecretValue {s} at the version preflight chose (kept in memory only)"],
                [$"secretsmanager:PutSecretValue {t} as AWSCURRENT"]),
            RotationStep.CreatePending => new(
                "Create the new password as AWSPENDING",
                [$"secretsmanager:GetRandomPassword ({PasswordPolicy.CloudHsm.Length} characters, no ':' and no shell characters)"],
                [$"secretsmanager:PutSecretValue {t} as AWSPENDING"]),
            RotationStep.SetPassword => new(
                $"Set it on {t}'s cluster as {user} (cloudhsm-cli on {t}'s admin host)",
                [$"ssm:SendCommand cloudhsm-cli user list ({user} present, not locked)"],
                [$"secretsmanager:UpdateSecretVersionStage label {RotationTokens.PasswordChangingStage} (a crash after this resumes with one login, not a second change)", $"ssm:SendCommand cloudhsm-cli user change-password, logged in as {user} with AWSCURRENT; the host reads both versions itself", $"secretsmanager:UpdateSecretVersionStage label {RotationTokens.PasswordSetStage}"],
                "a failed login stops the run (exit 3), never retried"),
            RotationStep.VerifyPassword => new(
                "Verify the new password",
                [$"ssm:SendCommand cloudhsm-cli user list: locked \"false\", cluster-coverage \"full\"", "ssm:SendCommand cloudhsm-cli login with AWSPENDING, then logout"],
                [],
                "a failed login stops the run (exit 3); resume needs --acknowledge-login-failure"),
            RotationStep.PromoteSecret => new(
                "Promote AWSPENDING to AWSCURRENT",
                ["secretsmanager:DescribeSecret"],
                [$"secretsmanager:UpdateSecretVersionStage AWSCURRENT to the new version, AWSPREVIOUS to {plan.Strategy.PreviousVersion(plan)}", "secretsmanager:UpdateSecretVersionStage remove AWSPENDING and the HSMBG_ labels"]),
            RotationStep.StartTarget start => new(
                $"Start {t}: application group at {start.ClientCount.ToString(CultureInfo.InvariantCulture)}, wait for healthy targets (up to {Durations.Format(plan.Options.HealthTimeout)})",
                ["autoscaling:DescribeAutoScalingGroups", $"elbv2:DescribeTargetHealth on {t} every {Durations.Format(plan.Options.PollInterval)}"],
                [$"stack config slots.{t}.clientCount = {start.ClientCount.ToString(CultureInfo.InvariantCulture)}", $"autoscaling:SetDesiredCapacity {start.ClientCount.ToString(CultureInfo.InvariantCulture)}", .. !plan.Strategy.ShiftsTraffic ? Array.Empty<string>() : [$"elbv2:ModifyListener {s} 100 / {t} 0, only if the forward action leaves {t} out (ELB health-checks only groups a listener or rule forwards to)"]]),
            RotationStep.SmokeCheck smoke => new(
                $"Smoke-check {t} through its test route before any traffic moves: GET {(plan.Settings.Listener.Protocol == Settings.ListenerProtocol.Https ? "https" : "http")}://<albDnsName>:{plan.Settings.Listener.Port.ToString(CultureInfo.InvariantCulture)}{smoke.Path} with {TestRoute.HeaderName}: {TestRoute.HeaderValue(plan.Target)}, expect 2xx",
                [$"elbv2:DescribeRules: a rule matching only {TestRoute.HeaderName}: {TestRoute.HeaderValue(plan.Target)} that forwards only to {t}", $"ssm:SendCommand curl on {t}'s admin host (the load balancer is internal; the command holds no secret)", $"elbv2:DescribeListeners (already done once {t} has a share)"],
                [],
                $"no such rule (run 'pulumi up' first) or not 2xx: stops with all traffic on {s} (exit 3)"),
            RotationStep.ShiftWeight shift => new(
                $"Shift {s} {100 - shift.Percent} / {t} {shift.Percent}",
                ["elbv2:DescribeListeners (read back until the weights show)", $"gates on every bake tick: {string.Join(", ", GateRunner.FastNames)}; after the bake: {string.Join(", ", GateRunner.Names)}"],
                ["elbv2:ModifyListener (both slots listed, a slot at 0 with weight 0 so its targets stay health-checked)", $"stack config traffic.{s} = {100 - shift.Percent}, traffic.{t} = {shift.Percent}", "pulumi up --target the listener"],
                shift.PauseAfter ? "pauses here: continue with 'hsm-rotate promote'" : null),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
        };
    }

    /// <summary>Preflight of a strategy with two slots: the common reads, with the strategy's own before and after them.</summary>
    public static StepText TwoSlotPreflight(RotationPlan plan, IEnumerable<string> before, IEnumerable<string> after)
    {
        var (s, t) = (plan.Source.Key(), plan.Target.Key());
        return new(
            "Check the environment; change nothing",
            [.. before, "sts:GetCallerIdentity", "stack outputs (pulumi stack output)", $"cloudhsmv2:DescribeClusters for {s} and {t}: ACTIVE, every HSM ACTIVE, hsmSubnets inside a read cluster's subnet mapping", "elbv2:DescribeListeners: weights must be " + $"{s} 100 / {t} 0", $"elbv2:DescribeTargetHealth on {s} (the rollback target must be healthy)", $"secretsmanager:DescribeSecret on both secrets (AWSPENDING on {t}'s means a run to resume)", .. after, "the rotation lock on " + $"{t}'s secret"],
            []);
    }
}
