using HsmBlueGreen.Aws;
using HsmBlueGreen.Core.Audit;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Rotate.Rotation;

namespace HsmBlueGreen.Rotate.Cli;

/// <summary>
/// The audit's AWS-backed ports, on the same settings as the rotation's (<see cref="ProductionPorts.Settings"/>):
/// the command's environment and clock, pulumi (or HSM_ROTATE_PULUMI) in the project directory.
/// </summary>
public static class AwsComposition
{
    public static AuditWiring ForAudit(CliContext context, string projectDirectory)
    {
        var settings = ProductionPorts.Settings(context) with { ProjectDirectory = projectDirectory };
        var ports = AwsPorts.Create(settings);
        return new AuditWiring(new AuditPorts(ports.AccountInventory, ports.ClusterControl, ports.HsmUserCommands), ports.StackControl, settings.ResolveRegion, ports);
    }
}

/// <summary>What `hsm-rotate audit` reads through; disposing it releases the HTTP client behind the ports.</summary>
public sealed record AuditWiring(AuditPorts Ports, IStackControl Stack, Func<string> Region, IDisposable? Owner = null) : IDisposable
{
    public void Dispose() => Owner?.Dispose();
}
