using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;

namespace HsmBlueGreen.Infra.Declarations;

/// <summary>The slot's target group: its application instances, health-checked on the application port.</summary>
internal static class TargetGroupDeclarations
{
    public static Resource Add(DeclaredResources declarations, StackSettings settings, SlotSettings slot)
    {
        var names = new SlotNames(slot.Color);
        return declarations.Add(
            names.TargetGroup,
            new TargetGroup(settings.Listener.AppPort, "HTTPS", settings.VpcId, "instance")
            {
                DeregistrationDelay = 30,
                HealthCheck = new TargetGroupHealthCheck(true, settings.Listener.HealthCheckPath, "HTTPS", "traffic-port", "200", 15, 5, 3, 3),
                Tags = Tags.For(settings, slot.Color, names.TargetGroup),
            });
    }
}
