using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace HsmBlueGreen.Infra.Model;

/// <summary>A Pulumi YAML built-in call, printed as a one-key map `{fn::name: argument}`; its result is a string.</summary>
public interface IFunctionCall
{
    string Function { get; }

    JsonNode Argument { get; }
}

/// <summary>`fn::toBase64`: for inputs AWS wants base64-encoded (launch template user data) while the text holds outputs.</summary>
[JsonConverter(typeof(FunctionCallConverter<Base64Text>))]
public sealed record Base64Text(string Text) : IFunctionCall
{
    public string Function => "fn::toBase64";

    public JsonNode Argument => JsonValue.Create(Text);
}

/// <summary>`fn::toJSON`: for inputs that are JSON documents on the wire (IAM policies, event patterns).</summary>
[JsonConverter(typeof(FunctionCallConverter<JsonText>))]
public sealed record JsonText(JsonNode Document) : IFunctionCall
{
    public string Function => "fn::toJSON";

    public JsonNode Argument => Document.DeepClone();
}

public sealed class FunctionCallConverter<T> : JsonConverter<T>
    where T : IFunctionCall
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("the program is only ever written");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WritePropertyName(value.Function);
        value.Argument.WriteTo(writer);
        writer.WriteEndObject();
    }
}
