namespace HsmBlueGreen.Rotate.Cli;

/// <summary>The composition root's list of verbs, in the order help shows them.</summary>
public static class Commands
{
    public static IReadOnlyList<ICliCommand> All() =>
    [
        new global::HsmBlueGreen.Rotate.Commands.Mfa.MfaCommand(),
        new global::HsmBlueGreen.Rotate.Commands.Guardrails.GuardrailsCommand(),
        new global::HsmBlueGreen.Rotate.Commands.Audit.AuditCommand(),
    ];
}
