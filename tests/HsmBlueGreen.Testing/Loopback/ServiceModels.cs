using System.Text.Json.Nodes;

namespace HsmBlueGreen.Aws.Tests.Loopback;

/// <summary>
/// The AWS service models our clients are checked against: the operations we call and the shapes they
/// reach, copied from Debian's python3-botocore into Fixtures/aws-models.json (see extract-models.py).
/// </summary>
public sealed class ServiceModels
{
    private static readonly Lazy<ServiceModels> Shared = new(() => new ServiceModels(
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "aws-models.json")))!.AsObject()));

    private readonly JsonObject root;

    private ServiceModels(JsonObject root) => this.root = root;

    public static ServiceModels Load() => Shared.Value;

    public string BotocoreVersion => root["botocoreVersion"]!.GetValue<string>();

    /// <summary>The model of the service a request was signed for (the SigV4 scope's service name).</summary>
    public ServiceModel? BySigningName(string signingName)
    {
        foreach (var (key, value) in root["services"]!.AsObject())
        {
            var metadata = value!["metadata"]!;
            var name = metadata["signingName"]?.GetValue<string>() ?? metadata["endpointPrefix"]!.GetValue<string>();
            if (name == signingName)
            {
                return new ServiceModel(key, value.AsObject());
            }
        }

        return null;
    }
}

public sealed class ServiceModel(string name, JsonObject model)
{
    public string Name { get; } = name;

    public string Protocol => Metadata("protocol")!;

    public string ApiVersion => Metadata("apiVersion")!;

    public string? TargetPrefix => Metadata("targetPrefix");

    public string? XmlNamespace => Metadata("xmlNamespace");

    public JsonObject? Operation(string operation) => model["operations"]![operation]?.AsObject();

    public JsonObject Shape(string name) => model["shapes"]![name]?.AsObject() ?? throw new KeyNotFoundException($"shape {name} is not in the fixture");

    public string? InputShape(string operation) => Operation(operation)?["input"]?["shape"]?.GetValue<string>();

    public string? OutputShape(string operation) => Operation(operation)?["output"]?["shape"]?.GetValue<string>();

    public IEnumerable<string> Errors(string operation) => Operation(operation)?["errors"]?.AsArray().Select(e => e!.GetValue<string>()) ?? [];

    private string? Metadata(string key) => model["metadata"]![key]?.GetValue<string>();
}
