using HsmBlueGreen.Infra.Model;

namespace HsmBlueGreen.Infra.Declarations;

/// <summary>The resources declared so far, in program order; each one pinned to the provider version.</summary>
internal sealed class DeclaredResources
{
    private readonly List<Resource> resources = [];

    public IReadOnlyList<Resource> All => resources;

    public Resource Add(string name, ResourceBody body, Func<ResourceOptions, ResourceOptions>? options = null)
    {
        if (resources.Any(r => string.Equals(r.Name, name, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"resource '{name}' is declared twice");
        }

        var resource = new Resource(name, body, (options ?? (o => o))(new ResourceOptions(AwsProvider.Version)));
        resources.Add(resource);
        return resource;
    }
}
