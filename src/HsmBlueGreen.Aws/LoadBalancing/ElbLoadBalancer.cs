using System.Xml.Linq;
using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Policies;

namespace HsmBlueGreen.Aws.LoadBalancing;

/// <summary>ILoadBalancer over ELBv2 (Query): the listener's default forward action, its rules, and target health.</summary>
public sealed class ElbLoadBalancer(AwsTransport transport) : ILoadBalancer
{
    private readonly QueryProtocolClient client = new(transport, AwsService.ElasticLoadBalancing);

    public async Task<ListenerState> GetListenerAsync(string listenerArn, CancellationToken cancellationToken)
    {
        var result = await client.CallAsync(OperationCatalogue.LoadBalancing.DescribeListeners, new QueryParameters().Add("ListenerArns.member.1", listenerArn), cancellationToken).ConfigureAwait(false);
        var listener = result.Members("Listeners").FirstOrDefault()
            ?? throw new AwsApiException($"listener {listenerArn} was not found; check the stack output listenerArn and the region.", AwsService.ElasticLoadBalancing, "DescribeListeners", "ListenerNotFound", null, null);
        var forward = listener.Members("DefaultActions").FirstOrDefault(a => a.Text("Type") == "forward");
        if (forward is null)
        {
            return new ListenerState(listenerArn, [], null);
        }

        var weights = ForwardedTo(forward);
        var stickiness = forward.Child("ForwardConfig").Child("TargetGroupStickinessConfig");
        int? seconds = stickiness.Bool("Enabled") ? stickiness.Int("DurationSeconds") : null;
        return new ListenerState(listenerArn, weights, seconds);
    }

    public async Task SetWeightsAsync(string listenerArn, IReadOnlyList<TargetGroupWeight> weights, int? stickinessSeconds, CancellationToken cancellationToken)
    {
        if (!weights.Any(w => w.Weight > 0))
        {
            throw new ArgumentException("a forward action needs at least one target group with a weight above 0", nameof(weights));
        }

        const string Action = "DefaultActions.member.1";
        var parameters = new QueryParameters()
            .Add("ListenerArn", listenerArn)
            .Add($"{Action}.Type", "forward")
            .AddList($"{Action}.ForwardConfig.TargetGroups", weights, (p, prefix, w) => p
                .Add($"{prefix}.TargetGroupArn", w.TargetGroupArn)
                .Add($"{prefix}.Weight", w.Weight))
            .Add($"{Action}.ForwardConfig.TargetGroupStickinessConfig.Enabled", stickinessSeconds is not null);
        if (stickinessSeconds is { } seconds)
        {
            parameters.Add($"{Action}.ForwardConfig.TargetGroupStickinessConfig.DurationSeconds", seconds);
        }

        await client.CallAsync(OperationCatalogue.LoadBalancing.ModifyListener, parameters, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TargetHealth>> GetTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken)
    {
        var result = await client.CallAsync(OperationCatalogue.LoadBalancing.DescribeTargetHealth, new QueryParameters().Add("TargetGroupArn", targetGroupArn), cancellationToken).ConfigureAwait(false);
        return [.. result.Members("TargetHealthDescriptions").Select(d => new TargetHealth(
            d.Child("Target").Text("Id") ?? string.Empty,
            ParseHealth(d.Child("TargetHealth").Text("State")),
            d.Child("TargetHealth").Text("Reason")))];
    }

    public async Task<IReadOnlyList<ListenerRule>> GetRulesAsync(string listenerArn, CancellationToken cancellationToken)
    {
        var rules = new List<ListenerRule>();
        string? marker = null;
        do
        {
            var parameters = new QueryParameters().Add("ListenerArn", listenerArn);
            if (marker is not null)
            {
                parameters.Add("Marker", marker);
            }

            var page = await client.CallAsync(OperationCatalogue.LoadBalancing.DescribeRules, parameters, cancellationToken).ConfigureAwait(false);
            rules.AddRange(page.Members("Rules").Select(r => new ListenerRule(
                r.Text("RuleArn") ?? string.Empty,
                r.Bool("IsDefault"),
                [.. r.Members("Conditions").Select(Condition)],
                [.. r.Members("Actions").Where(a => a.Text("Type") == "forward").SelectMany(ForwardedTo)])));
            marker = page.Text("NextMarker");
        }
        while (!string.IsNullOrEmpty(marker));

        return rules;
    }

    /// <summary>An http-header condition's header is in HttpHeaderConfig; the legacy Values list serves host-header and path-pattern.</summary>
    private static RuleCondition Condition(XElement condition)
    {
        var header = condition.Child("HttpHeaderConfig");
        var values = header is null ? condition.Members("Values") : header.Members("Values");
        return new RuleCondition(condition.Text("Field") ?? string.Empty, header.Text("HttpHeaderName"), [.. values.Select(v => v.Value)]);
    }

    /// <summary>A forward action's weighted groups (ForwardConfig), or its single TargetGroupArn at weight 1.</summary>
    private static List<TargetGroupWeight> ForwardedTo(XElement forward)
    {
        var weights = forward.Child("ForwardConfig").Members("TargetGroups").Select(t => new TargetGroupWeight(t.Text("TargetGroupArn") ?? string.Empty, t.Int("Weight"))).ToList();
        if (weights.Count == 0 && forward.Text("TargetGroupArn") is { } single)
        {
            weights.Add(new TargetGroupWeight(single, 1));
        }

        return weights;
    }

    private static TargetHealthState ParseHealth(string? state) => state switch
    {
        "initial" => TargetHealthState.Initial,
        "healthy" => TargetHealthState.Healthy,
        "unhealthy" => TargetHealthState.Unhealthy,
        "unhealthy.draining" => TargetHealthState.UnhealthyDraining,
        "unused" => TargetHealthState.Unused,
        "draining" => TargetHealthState.Draining,
        "unavailable" => TargetHealthState.Unavailable,
        _ => TargetHealthState.Unknown,
    };
}
