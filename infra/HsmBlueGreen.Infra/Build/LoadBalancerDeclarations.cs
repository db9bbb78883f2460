using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;

namespace HsmBlueGreen.Infra.Build;

/// <summary>The shared load balancer and its listener, which splits traffic between the slots' target groups.</summary>
internal static class LoadBalancerDeclarations
{
    public const string ModernTls = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    public static (Resource LoadBalancer, Resource Listener) Add(
        Declarations declarations, StackSettings settings, Resource albGroup, IReadOnlyDictionary<Color, Resource> targetGroups)
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
        return (alb, listener);
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
