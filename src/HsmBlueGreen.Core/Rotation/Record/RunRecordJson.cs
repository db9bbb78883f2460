using System.Text.Json;
using System.Text.Json.Serialization;
using HsmBlueGreen.Core.Rotation.Gates;
using HsmBlueGreen.Core.Rotation.Plan;

namespace HsmBlueGreen.Core.Rotation.Record;

/// <summary>
/// The record's JSON: source-generated (Core is AOT-compatible), enums by name, the options as a whole so the record
/// follows whatever shape <see cref="RotationOptions"/> has.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(WeightScheduleConverter)])]
[JsonSerializable(typeof(RunRecord))]
[JsonSerializable(typeof(GateSpecs))]
[JsonSerializable(typeof(GateSpec))]
public sealed partial class RunRecordJson : JsonSerializerContext
{
    public static string Write(RunRecord record) => JsonSerializer.Serialize(record, Default.RunRecord);

    /// <exception cref="JsonException">The text is not a record this version can read.</exception>
    public static RunRecord Read(string json) =>
        JsonSerializer.Deserialize(json, Default.RunRecord) ?? throw new JsonException("the run record is null");
}

/// <summary>A schedule as it is typed on the command line ("10,25,50,100"), read back through the same checks.</summary>
internal sealed class WeightScheduleConverter : JsonConverter<WeightSchedule>
{
    public override WeightSchedule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        WeightSchedule.Parse(reader.GetString() ?? throw new JsonException("a weight schedule must be a string"));

    public override void Write(Utf8JsonWriter writer, WeightSchedule value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
