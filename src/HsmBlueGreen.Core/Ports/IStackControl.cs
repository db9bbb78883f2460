using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Ports;

/// <summary>The Pulumi stack: outputs the step program reads, config it records, targeted updates it applies.</summary>
public interface IStackControl
{
    Task<StackOutputs> GetOutputsAsync(string stack, CancellationToken cancellationToken);

    /// <summary>Sets a project config value by path, e.g. "traffic.green" (pulumi config set --path).</summary>
    Task SetConfigAsync(string stack, string path, string value, CancellationToken cancellationToken);

    /// <summary>
    /// Sets several values by path in one write (pulumi config set-all --path): values that are only valid together,
    /// like traffic.blue and traffic.green summing to 100, so a run stopped between two writes cannot leave half of them.
    /// </summary>
    Task SetConfigValuesAsync(string stack, IReadOnlyList<KeyValuePair<string, string>> values, CancellationToken cancellationToken);

    Task RemoveConfigAsync(string stack, string path, CancellationToken cancellationToken);

    /// <summary>What an interrupted `pulumi up` left under way in the stack's state (pulumi stack export); empty when nothing.</summary>
    Task<IReadOnlyList<PendingOperation>> PendingOperationsAsync(string stack, CancellationToken cancellationToken);

    /// <summary>What `pulumi up` would do, without doing it (pulumi preview --json): one step per resource.</summary>
    Task<StackPreview> PreviewAsync(string stack, CancellationToken cancellationToken);

    /// <summary>pulumi up limited to these targets (URNs or patterns); an empty list means the whole stack.</summary>
    Task UpAsync(string stack, IReadOnlyList<string> targets, CancellationToken cancellationToken);
}
