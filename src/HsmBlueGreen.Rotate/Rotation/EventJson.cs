using System.Text.Json;
using System.Text.Json.Serialization;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Run;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>
/// The JSON of events (journal lines and --json output) and of `status --json`: web defaults (camelCase), nulls
/// left out. Source-generated, so hsm-rotate needs no reflection and publishes with NativeAOT.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RotationEvent))]
[JsonSerializable(typeof(StatusJson))]
internal sealed partial class EventJson : JsonSerializerContext;

/// <summary>`status --json`: {"kind":"status","fields":{...}}.</summary>
internal sealed record StatusJson(string Kind, IReadOnlyDictionary<string, string> Fields);
