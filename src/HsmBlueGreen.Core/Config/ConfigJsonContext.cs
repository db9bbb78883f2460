using System.Text.Json.Serialization;

namespace HsmBlueGreen.Core.Config;

/// <summary>
/// Source-generated JSON metadata for the shapes config reading deserialises (PULUMI_CONFIG is a JSON object
/// of "ns:key" to string), so reading config needs no reflection and the infra program can be published
/// with NativeAOT. Default options: exactly what <c>JsonSerializer.Deserialize&lt;T&gt;(json)</c> accepted.
/// </summary>
[JsonSerializable(typeof(Dictionary<string, string?>))]
public sealed partial class ConfigJsonContext : JsonSerializerContext;
