using HsmBlueGreen.Rotate.Rotation;
using HsmBlueGreen.Rotate.Verbs;
using HsmBlueGreen.Rotate.Verbs.Audit;
using HsmBlueGreen.Rotate.Verbs.Guardrails;
using HsmBlueGreen.Rotate.Verbs.Mfa;

namespace HsmBlueGreen.Rotate.Cli;

/// <summary>The composition root's list of verbs, in the order help shows them.</summary>
public static class Commands
{
    /// <param name="ports">The rotation verbs' AWS ports; the production adapters unless a test swaps them.</param>
    /// <param name="audit">The audit's read-only ports; the production adapters unless a test swaps them.</param>
    public static IReadOnlyList<ICliCommand> All(RotationPortsFactory? ports = null, Func<CliContext, string, AuditWiring>? audit = null) => Build(ports ?? ProductionPorts.Factory, audit);

    private static IReadOnlyList<ICliCommand> Build(RotationPortsFactory ports, Func<CliContext, string, AuditWiring>? audit) =>
    [
        new PlanCommand(),
        new PrepareCommand(ports),
        new RunCommand(ports),
        new ResumeCommand(ports),
        new ResumeCommand(ports, promote: true),
        new StatusCommand(ports),
        new AbortCommand(ports),
        new RetireCommand(ports),
        new CycleCommand(ports),
        new MfaCommand(),
        new GuardrailsCommand(),
        new AuditCommand(audit),
    ];
}
