using HsmBlueGreen.Aws;
using HsmBlueGreen.Core.Audit;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Rotate.Cli;

/// <summary>
/// The one place the commands get their AWS-backed ports: <see cref="AwsPorts"/> on the command's environment
/// and clock (the process's, outside tests), pulumi run in the project directory. Kept small so the step
/// program's commands can take their ports from here too.
/// </summary>
public static class AwsComposition
{
    public static AuditWiring ForAudit(CliContext context, string projectDirectory)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = new AwsSettings(context.Environment, context.Clock) { ProjectDirectory = projectDirectory };
        var ports = AwsPorts.Create(settings);
        return new AuditWiring(new AuditPorts(ports.AccountInventory, ports.ClusterControl, ports.HsmUserCommands), ports.StackControl, settings.ResolveRegion, ports);
    }
}

/// <summary>What `hsm-rotate audit` reads through; disposing it releases the HTTP client behind the ports.</summary>
public sealed record AuditWiring(AuditPorts Ports, IStackControl Stack, Func<string> Region, IDisposable? Owner = null) : IDisposable
{
    public void Dispose() => Owner?.Dispose();
}
