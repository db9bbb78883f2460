using System.Text.Json.Serialization;

namespace HsmBlueGreen.Infra.Model;

/// <summary>One entry of the program's `resources:` map: a logical name, what it is, and its options.</summary>
public sealed record Resource(string Name, ResourceBody Body, ResourceOptions Options)
{
    public string Type => Body.Type;

    /// <summary>`${name}`: the resource itself, as `dependsOn` wants it.</summary>
    public string Self => $"${{{Name}}}";

    /// <summary>`${name.property}`: one of the resource's outputs.</summary>
    public string Output(string property) => $"${{{Name}.{property}}}";
}

/// <summary>What a resource entry declares: typed inputs of one AWS resource kind, or a read of an existing one.</summary>
public abstract record ResourceBody
{
    [JsonIgnore]
    public abstract string Type { get; }
}

/// <summary>
/// The inputs of one AWS resource kind. Each kind is a record whose property names, camel-cased, are
/// exactly the input names of pulumi-aws (reference/pulumi-aws-subset.json); null means "not set".
/// </summary>
public abstract record AwsResource : ResourceBody;

/// <summary>An existing resource read with `get:`: Pulumi reads its state and never creates or deletes it.</summary>
public sealed record Lookup(string LookupType, string Id) : ResourceBody
{
    public override string Type => LookupType;
}

/// <summary>The resource options the program uses. <see cref="Version"/> pins the provider plugin on every resource.</summary>
public sealed record ResourceOptions(string Version)
{
    public bool Protect { get; init; }

    public CustomTimeouts? CustomTimeouts { get; init; }

    public IReadOnlyList<string> DependsOn { get; init; } = [];

    /// <summary>Inputs Pulumi takes from state once the resource exists; the program's value counts only on create.</summary>
    public IReadOnlyList<string> IgnoreChanges { get; init; } = [];
}

/// <summary>Go durations, as Pulumi reads them ("120m").</summary>
public sealed record CustomTimeouts(string? Create, string? Update, string? Delete);
