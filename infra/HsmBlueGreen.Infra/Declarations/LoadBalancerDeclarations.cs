using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;

namespace HsmBlueGreen.Infra.Declarations;

/// <summary>The shared load balancer and its listener, which splits traffic between the slots' target groups.</summary>
internal static class LoadBalancerDeclarations
{
    public const string ModernTls = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    public static (Resource LoadBalancer, Resource Listener) Add(
        DeclaredResources declarations, StackSettings settings, Resource albGroup, IReadOnlyDictionary<Color, Resource> targetGroups)
    {
        var alb = declarations.Add(
            "alb",
            new LoadBalancer("application", settings.Listener.Internal, [.. settings.AlbSubnets.SubnetIds], [albGroup.Output("id")])
            {
                DropInvalidHeaderFields = true,
                EnableDeletionProtection = settings.IsProduction,
                Tags = Tags.For(settings, null, "alb"),
            });

        var https = settings.Listener.Protocol == ListenerProtocol.Https;
        var listener = declarations.Add(
            StackResourceNames.Listener,
            new Listener(alb.Output("arn"), settings.Listener.Port, https ? "HTTPS" : "HTTP", [Forward(settings, targetGroups)])
            {
                CertificateArn = settings.Listener.CertificateArn is { } certificate ? ConfigReference.Of(certificate) : null,
                SslPolicy = https ? ModernTls : null,
                Tags = Tags.For(settings, null, StackResourceNames.Listener),
            });
        foreach (var (color, targetGroup) in targetGroups.OrderBy(t => t.Key))
        {
            AddTestRoute(declarations, settings, listener, color, targetGroup);
        }

        return (alb, listener);
    }

    /// <summary>
    /// The slot's test route: requests carrying `X-Hsm-Slot: &lt;color&gt;` go to that slot only, whatever the weights,
    /// so the rotation can check a slot from inside the VPC before it takes production traffic.
    /// </summary>
    private static void AddTestRoute(DeclaredResources declarations, StackSettings settings, Resource listener, Color color, Resource targetGroup)
    {
        var name = new SlotNames(color).TestRoute;
        declarations.Add(
            name,
            new ListenerRule(
                listener.Output("arn"),
                [new ListenerRuleAction("forward") { TargetGroupArn = targetGroup.Output("arn") }],
                [new ListenerRuleCondition { HttpHeader = new ListenerRuleConditionHttpHeader(TestRoute.HeaderName, [TestRoute.HeaderValue(color)]) }])
            {
                Priority = TestRoute.Priority(color),
                Tags = Tags.For(settings, color, name),
            });
    }

    /// <summary>
    /// Every slot's target group with an explicit weight, 0 included (TargetGroupTuple: 0-999): ELB health-checks only
    /// groups a listener or rule forwards to, so a slot left out would report its targets `unused` and never turn
    /// healthy. (pulumi-aws issue 5772, a 0 landing as 1, needs `ignoreChanges` on the weight, which this program never sets.)
    /// </summary>
    private static ListenerDefaultAction Forward(StackSettings settings, IReadOnlyDictionary<Color, Resource> targetGroups)
    {
        var groups = targetGroups
            .OrderBy(t => t.Key)
            .Select(t => new ListenerForwardTargetGroup(t.Value.Output("arn"), settings.Traffic.For(t.Key)))
            .ToList();
        var stickiness = settings.Listener.StickinessEnabled ? new ListenerForwardStickiness(true, settings.Listener.StickinessSeconds) : null;
        return new ListenerDefaultAction("forward") { Forward = new ListenerForward(groups) { Stickiness = stickiness } };
    }
}
