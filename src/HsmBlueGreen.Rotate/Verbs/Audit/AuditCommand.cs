using HsmBlueGreen.Aws;
using HsmBlueGreen.Core.Audit;
using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Verbs.Audit;

/// <summary>
/// `hsm-rotate audit --stack NAME [--json]`: read-only checks of the live account against the CloudHSM
/// security card, each pass / fail / cannot-tell with its evidence and fix. Exit 1 when any check fails,
/// 3 when the stack's outputs cannot be read (nothing could be checked).
/// </summary>
public sealed class AuditCommand(Func<CliContext, string, AuditWiring>? wiring = null) : ICliCommand
{
    public const int ChecksFailed = 1;

    private readonly Func<CliContext, string, AuditWiring> wire = wiring ?? AwsComposition.ForAudit;

    public string Name => "audit";

    public string Summary => "check the live account against the CloudHSM security card (read-only)";

    public VerbOptions Options { get; } = new(["stack"], ["json"]);

    public IReadOnlyList<string> Examples => ["hsm-rotate audit --stack prod", "hsm-rotate audit --stack prod --json"];

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(context);
        var stack = CommandArguments.Checked(line, "stack", IdRule.StackName);
        var project = PhysicalProjectFiles.FindFrom(context.WorkingDirectory)
            ?? throw new UsageException($"no {PhysicalProjectFiles.ProjectFile} at or above {context.WorkingDirectory}; run hsm-rotate audit from the project directory.");
        var cryptoUsers = CryptoUsers(project, stack);
        using var ports = wire(context, project.Directory);
        StackOutputs outputs;
        string region;
        try
        {
            region = ports.Region();
            outputs = await ports.Stack.GetOutputsAsync(stack, context.CancellationToken).ConfigureAwait(false);
        }
        catch (AdapterException e)
        {
            await context.Error.WriteLineAsync($"hsm-rotate audit: nothing was checked: {e.Message}").ConfigureAwait(false);
            return ExitCodes.NeedsOperator;
        }

        var session = new AuditSession(region, outputs, cryptoUsers, context.Clock.GetUtcNow(), AuditLimits.Default, ports.Ports);
        var report = new AuditReport(stack, region, await AuditRunner.RunAsync(session, AuditRunner.AllChecks, context.CancellationToken).ConfigureAwait(false));
        await context.Out.WriteAsync(line.Has("json") ? report.ToJson() + Environment.NewLine : report.ToText()).ConfigureAwait(false);
        return report.AnyFailed ? ChecksFailed : report.NothingVerified ? ExitCodes.NothingVerified : ExitCodes.Done;
    }

    private static Dictionary<Color, string> CryptoUsers(PhysicalProjectFiles project, string stack)
    {
        try
        {
            return StackConfigLoader.FromStackFile(project, stack).Slots.ToDictionary(s => s.Key, s => s.Value.CryptoUser);
        }
        catch (ConfigException e)
        {
            throw new UsageException(e.Message, e);
        }
    }
}
