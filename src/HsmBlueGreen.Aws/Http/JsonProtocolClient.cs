using HsmBlueGreen.Core.Policies;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace HsmBlueGreen.Aws.Http;

/// <summary>AWS JSON 1.1: POST with X-Amz-Target "&lt;prefix&gt;.&lt;Operation&gt;", members named as in the model (PascalCase).</summary>
public sealed class JsonProtocolClient(AwsTransport transport, AwsService service)
{
    public async Task<TResponse> CallAsync<TRequest, TResponse>(AwsOperation call, TRequest request, CancellationToken cancellationToken, bool idempotent = true)
    {
        ArgumentNullException.ThrowIfNull(call);
        var operation = call.Name;
        var body = AwsRequestBody.Of(JsonSerializer.Serialize(request, TypeInfo<TRequest>()), "application/x-amz-json-1.1", $"{service.TargetPrefix}.{operation}");
        var text = await transport.SendAsync(service, call, body, idempotent, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(string.IsNullOrWhiteSpace(text) ? "{}" : text, TypeInfo<TResponse>())
                ?? throw new JsonException("empty response");
        }
        catch (JsonException ex)
        {
            throw new AwsApiException(
                $"{service.IamPrefix}:{operation} returned a response that is not valid JSON for that call ({AwsErrorMessages.OneLine(ex.Message)}); check any AWS_ENDPOINT_URL override.",
                service, operation, "MalformedResponse", null, null, ex);
        }
    }

    private static JsonTypeInfo<T> TypeInfo<T>() =>
        AwsJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not in AwsJsonContext: add [JsonSerializable(typeof({typeof(T).Name}))] there.");
}

/// <summary>JSON-protocol timestamps are epoch seconds, possibly fractional.</summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? DateTimeOffset.Parse(reader.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            : DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(reader.GetDouble() * 1000));

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000.0);
}
