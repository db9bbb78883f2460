namespace HsmBlueGreen.Infra.Model;

/// <summary>
/// The whole program for one stack, in the order it is printed: the secret config keys it references,
/// the resources, and the stack outputs the step program reads.
/// </summary>
public sealed record StackProgram(
    string Name,
    string Description,
    IReadOnlyList<string> SecretConfigKeys,
    IReadOnlyList<Resource> Resources,
    IReadOnlyList<KeyValuePair<string, string>> Outputs)
{
    public Resource? Find(string name) => Resources.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    /// <summary>Every resource of one kind, with its typed inputs.</summary>
    public IEnumerable<(Resource Resource, T Body)> All<T>()
        where T : ResourceBody =>
        Resources.Where(r => r.Body is T).Select(r => (r, (T)r.Body));

    /// <summary>The same program with one resource's body replaced (policy tests build violations this way).</summary>
    public StackProgram With(string name, Func<Resource, Resource> change) =>
        this with { Resources = [.. Resources.Select(r => string.Equals(r.Name, name, StringComparison.Ordinal) ? change(r) : r)] };
}
