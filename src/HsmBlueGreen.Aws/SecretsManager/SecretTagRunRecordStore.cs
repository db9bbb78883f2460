using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Policies;
using HsmBlueGreen.Core.Rotation.Record;

namespace HsmBlueGreen.Aws.SecretsManager;

/// <summary>
/// IRunRecordStore kept as tags on the target slot's secret, beside the lease. A tag value holds at most 255 characters
/// of letters, digits, spaces and + - = . _ : / @ (TagResource's documented restrictions), so the record's JSON is
/// deflated, base64-encoded (whose alphabet is within that set) and split over numbered part tags; a count tag says how
/// many parts make the record. One TagResource call writes them all; parts left over from a longer record are then removed.
/// The keys sit under the lock's prefix, the only tag keys the operator role may write.
/// </summary>
public sealed class SecretTagRunRecordStore(AwsTransport transport) : IRunRecordStore
{
    internal const string CountKey = "hsm-rotate:lock-record";
    internal const string PartPrefix = "hsm-rotate:lock-record-";

    /// <summary>The documented limit is 255 characters in the TagResource text (256 in the Tag shape): the smaller one.</summary>
    internal const int PartLength = 255;

    /// <summary>50 tags per secret, of which the stack declares 3 and the lease takes 3: the record keeps well within the rest.</summary>
    internal const int MaxParts = 40;

    private readonly JsonProtocolClient client = new(transport, AwsService.SecretsManager);

    public async Task<RunRecord?> ReadAsync(string secretArn, CancellationToken cancellationToken)
    {
        var tags = await TagsAsync(secretArn, cancellationToken).ConfigureAwait(false);
        if (!tags.TryGetValue(CountKey, out var countText) || !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return null;
        }

        var encoded = new StringBuilder();
        for (var part = 0; part < count; part++)
        {
            encoded.Append(tags.TryGetValue(PartPrefix + part.ToString(CultureInfo.InvariantCulture), out var text)
                ? text
                : throw Unreadable(secretArn, $"part {part} of {count} is missing"));
        }

        try
        {
            return RunRecordJson.Read(Inflate(encoded.ToString()));
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidDataException or Core.Rotation.RotationInputException)
        {
            throw Unreadable(secretArn, e.Message);
        }
    }

    public async Task WriteAsync(string secretArn, RunRecord record, CancellationToken cancellationToken)
    {
        var encoded = Deflate(RunRecordJson.Write(record));
        var parts = encoded.Chunk(PartLength).Select(c => new string(c)).ToList();
        if (parts.Count > MaxParts)
        {
            throw new AwsApiException($"the run record for {secretArn} needs {parts.Count} tags of {PartLength} characters, more than the {MaxParts} kept for it; shorten --smoke-path or the step list.", AwsService.SecretsManager, "TagResource", "RunRecordTooLarge", null, null);
        }

        var tags = parts.Select((text, i) => new SecretTag(PartPrefix + i.ToString(CultureInfo.InvariantCulture), text)).Append(new SecretTag(CountKey, parts.Count.ToString(CultureInfo.InvariantCulture))).ToList();
        await client.CallAsync<TagResourceRequest, EmptyResponse>(OperationCatalogue.SecretsManager.TagResource, new(secretArn, tags), cancellationToken).ConfigureAwait(false);
        var stale = (await TagsAsync(secretArn, cancellationToken).ConfigureAwait(false)).Keys
            .Where(k => k.StartsWith(PartPrefix, StringComparison.Ordinal) && tags.TrueForAll(t => t.Key != k)).ToList();
        if (stale.Count > 0)
        {
            await client.CallAsync<UntagResourceRequest, EmptyResponse>(OperationCatalogue.SecretsManager.UntagResource, new(secretArn, stale), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Dictionary<string, string>> TagsAsync(string secretArn, CancellationToken cancellationToken)
    {
        var secret = await client.CallAsync<SecretIdRequest, DescribeSecretResponse>(OperationCatalogue.SecretsManager.DescribeSecret, new(secretArn), cancellationToken).ConfigureAwait(false);
        return (secret.Tags ?? []).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
    }

    private static string Deflate(string json)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.SmallestSize))
        {
            deflate.Write(Encoding.UTF8.GetBytes(json));
        }

        return Convert.ToBase64String(buffer.ToArray());
    }

    private static string Inflate(string base64)
    {
        using var deflate = new DeflateStream(new MemoryStream(Convert.FromBase64String(base64)), CompressionMode.Decompress);
        using var reader = new StreamReader(deflate, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static AwsApiException Unreadable(string secretArn, string why) =>
        new($"the run record tags on {secretArn} cannot be read ({why}); 'hsm-rotate abort' and run again, or remove the {CountKey}* tags.", AwsService.SecretsManager, "DescribeSecret", "RunRecordUnreadable", null, null);
}
