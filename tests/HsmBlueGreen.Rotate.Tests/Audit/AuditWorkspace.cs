using HsmBlueGreen.Core.Audit;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Core.Tests.Audit;
using HsmBlueGreen.Core.Tests.Settings;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Tests.Audit;

/// <summary>
/// A project directory (Pulumi.yaml and a valid Pulumi.prod.yaml) in which `hsm-rotate audit` runs in-process
/// through the real host, with the ports a test gives it.
/// </summary>
internal sealed class AuditWorkspace : IDisposable
{
    public AuditWorkspace()
    {
        File.WriteAllText(Path.Combine(Root, "Pulumi.yaml"), "name: hsm-blue-green\nruntime: yaml\n");
        File.WriteAllText(Path.Combine(Root, "Pulumi.prod.yaml"), StackYaml.Valid);
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("hsm-audit-").FullName;

    /// <summary>The project directory the command handed to the wiring.</summary>
    public string? WiredProject { get; private set; }

    public async Task<CliRun> RunAsync(Func<AuditWiring> wiring, params string[] args)
    {
        var program = new ProgramFixture
        {
            WorkingDirectory = Root,
            Clock = new FixedClock(),
            AuditWiring = (_, project) =>
            {
                WiredProject = project;
                return wiring();
            },
        };
        return await program.RunAsync(["audit", .. args]);
    }

    public static AuditWiring Over(AuditAccount account) =>
        new(new AuditPorts(account, account, account), new OutputsOnly(account.Outputs), () => AuditAccount.Region);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => AuditAccount.Now;
    }
}

/// <summary>A stack that only has outputs: the audit must never set config or run an update.</summary>
internal sealed class OutputsOnly(StackOutputs outputs) : IStackControl
{
    public Task<StackOutputs> GetOutputsAsync(string stack, CancellationToken cancellationToken) => Task.FromResult(outputs);

    public Task SetConfigAsync(string stack, string path, string value, CancellationToken cancellationToken) => throw new InvalidOperationException("the audit never sets config");

    public Task SetConfigValuesAsync(string stack, IReadOnlyList<KeyValuePair<string, string>> values, CancellationToken cancellationToken) => throw new InvalidOperationException("the audit never sets config");

    public Task RemoveConfigAsync(string stack, string path, CancellationToken cancellationToken) => throw new InvalidOperationException("the audit never removes config");

    public Task<IReadOnlyList<PendingOperation>> PendingOperationsAsync(string stack, CancellationToken cancellationToken) => throw new InvalidOperationException("the audit never reads the stack's state");

    public Task<StackPreview> PreviewAsync(string stack, CancellationToken cancellationToken) => throw new InvalidOperationException("the audit never runs pulumi preview");

    public Task UpAsync(string stack, IReadOnlyList<string> targets, CancellationToken cancellationToken) => throw new InvalidOperationException("the audit never runs pulumi up");
}
