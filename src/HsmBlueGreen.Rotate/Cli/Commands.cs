using HsmBlueGreen.Rotate.Rotation;
using HsmBlueGreen.Rotate.Verbs;
using HsmBlueGreen.Rotate.Verbs.Audit;
using HsmBlueGreen.Rotate.Verbs.Guardrails;
using HsmBlueGreen.Rotate.Verbs.Mfa;

namespace HsmBlueGreen.Rotate.Cli;

/// <summary>The composition root's list of verbs, in the order help shows them.</summary>
public static class Commands
{
    public static IReadOnlyList<ICliCommand> All() => All(ProductionPorts.Factory);

    public static IReadOnlyList<ICliCommand> All(RotationPortsFactory ports) =>
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
        new AuditCommand(),
    ];
}
