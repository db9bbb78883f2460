namespace HsmBlueGreen.Core.Ports;

/// <summary>
/// `pulumi preview --json`: the steps the engine would take, each an operation on one resource URN. Ops are the
/// engine's labels: same, create, update, delete, replace, create-replacement, delete-replaced, read, ...
/// </summary>
public sealed record StackPreview(IReadOnlyList<PreviewStep> Steps)
{
    public IEnumerable<PreviewStep> Changes => Steps.Where(s => !string.Equals(s.Op, "same", StringComparison.Ordinal));
}

/// <summary>One step of a preview: the operation and the resource's URN.</summary>
public sealed record PreviewStep(string Op, string Urn)
{
    /// <summary>Operations that end an existing resource: the resource (and what lives in it, like an HSM's users) is gone.</summary>
    private static readonly HashSet<string> Destructive = new(StringComparer.Ordinal)
    {
        "delete", "replace", "create-replacement", "delete-replaced", "read-replacement", "discard", "discard-replaced", "import-replacement",
    };

    public bool EndsAResource => Destructive.Contains(Op);

    /// <summary>The resource's logical name: the part of the URN after the last "::".</summary>
    public string Name => Urn[(Urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..];
}
