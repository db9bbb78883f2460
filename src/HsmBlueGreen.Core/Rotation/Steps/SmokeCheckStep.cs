using System.Globalization;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Traffic;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// The target checked on its own before production traffic moves (CodeDeploy's test listener, Argo's preview
/// service): one GET through its test route from its admin host, expecting 2xx, once the listener is seen to hold
/// that route (otherwise the source would answer). Anything else stops the run with all traffic still on the source. Done once the listener gives the target a share (the check came before that).
/// </summary>
internal sealed class SmokeCheckStep(string path) : IStepHandler
{
    public async Task<bool> IsDoneAsync(RotationRun run, Observation observed) =>
        ListenerWeights.TargetPercent(observed, await ListenerWeights.ReadAsync(run, observed).ConfigureAwait(false)) > 0;

    public async Task<StepResult> ApplyAsync(RotationRun run, Observation observed)
    {
        var smoke = run.Ports.SmokeCheck ?? throw new InvalidOperationException("--smoke-path was given but this build has no smoke check port");
        var request = Request(run, observed, path);
        var (t, s) = (run.Target.Key(), run.Source.Key());
        run.Call("elbv2:DescribeRules", $"find {t}'s test route ({request.HeaderName}: {request.HeaderValue}) on the listener", new Dictionary<string, string> { ["listener"] = observed.ListenerArn });
        if (!await TestRouteRule.ExistsAsync(run, observed).ConfigureAwait(false))
        {
            return StepResult.NeedsOperator($"smoke check not sent: {t}'s test route is missing: the listener has no rule matching only {request.HeaderName}: {request.HeaderValue} that forwards only to {t}'s target group, so the request would reach {s} through the default action and prove nothing. Nothing was shifted: all traffic is still on {s}. Run 'pulumi up --stack {run.Stack}' first to declare the test routes, then 'hsm-rotate resume --stack {run.Stack}' or 'hsm-rotate abort --stack {run.Stack}'.");
        }

        run.Call("ssm:SendCommand", $"GET {request.Url} with {request.HeaderName}: {request.HeaderValue} from {t}'s admin host", new Dictionary<string, string> { ["instance"] = request.InstanceId, ["url"] = request.Url.ToString() });
        var result = await smoke.GetAsync(request, run.CancellationToken).ConfigureAwait(false);
        var answer = result.StatusCode is { } code ? code.ToString(CultureInfo.InvariantCulture) : result.Outcome.ToString();
        run.Record(EventKinds.Check, $"smoke check through {t}'s test route: {answer}", new Dictionary<string, string> { ["status"] = answer });
        if (result.Passed)
        {
            return StepResult.Continue;
        }

        var why = result.Outcome switch
        {
            SmokeCheckOutcome.Answered => $"answered {answer}, not 2xx",
            SmokeCheckOutcome.HostUnavailable => $"could not be sent: {result.Detail}",
            _ => $"got no answer: {result.Detail}",
        };
        return StepResult.NeedsOperator($"smoke check failed: GET {request.Url} with {request.HeaderName}: {request.HeaderValue} from {t}'s admin host {why}. Nothing was shifted: all traffic is still on {s}. Check {t}'s application and target health ('hsm-rotate status --stack {run.Stack}'), then 'hsm-rotate resume --stack {run.Stack}' or 'hsm-rotate abort --stack {run.Stack}'.");
    }

    /// <summary>The production listener's own scheme and port on the load balancer's DNS name; the header picks the slot.</summary>
    public static SmokeCheckRequest Request(RotationRun run, StackObservation observed, string path)
    {
        var listener = run.Plan.Settings.Listener;
        var scheme = listener.Protocol == ListenerProtocol.Https ? "https" : "http";
        var url = new UriBuilder(scheme, observed.Outputs.AlbDnsName, listener.Port, path).Uri;
        return new SmokeCheckRequest(observed.Target.AdminInstanceId, url, TestRoute.HeaderName, TestRoute.HeaderValue(run.Target));
    }

    /// <summary>What this step reads and changes, with the AWS calls behind it, as `plan` prints it.</summary>
    public StepText Describe(RotationPlan plan)
    {
        var s = plan.Source.Key();
        var t = plan.Target.Key();
        return new StepText(
            $"Smoke-check {t} through its test route before any traffic moves: GET {(plan.Settings.Listener.Protocol == Settings.ListenerProtocol.Https ? "https" : "http")}://<albDnsName>:{plan.Settings.Listener.Port.ToString(CultureInfo.InvariantCulture)}{path} with {TestRoute.HeaderName}: {TestRoute.HeaderValue(plan.Target)}, expect 2xx",
            [$"elbv2:DescribeRules: a rule matching only {TestRoute.HeaderName}: {TestRoute.HeaderValue(plan.Target)} that forwards only to {t}", $"ssm:SendCommand curl on {t}'s admin host (the load balancer is internal; the command holds no secret)", $"elbv2:DescribeListeners (already done once {t} has a share)"],
            [],
            $"no such rule (run 'pulumi up' first) or not 2xx: stops with all traffic on {s} (exit 3)");
    }
}
