namespace HsmBlueGreen.Core.Ports;

/// <summary>
/// An operation an interrupted `pulumi up` left in the stack's state (deployment v3 `pending_operations`): the
/// resource's URN and what was under way (`creating`, `updating`, `deleting`, `reading`). A pending create may exist in
/// AWS without being in the state, so another `up` would create it a second time.
/// </summary>
public sealed record PendingOperation(string Urn, string Type);
