using System.Globalization;
using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Policies;

namespace HsmBlueGreen.Aws.SecretsManager;

/// <summary>
/// IRotationLock kept as three tags on the secret named by the resource id. Tags are not a
/// compare-and-swap, so every write is read back: the lease that DescribeSecret shows afterwards is
/// the one in force, and a racing writer that lost sees the winner's lease.
/// </summary>
public sealed class SecretTagRotationLock(AwsTransport transport, TimeProvider clock) : IRotationLock
{
    internal const string RunKey = "hsm-rotate:lock-run";
    internal const string OwnerKey = "hsm-rotate:lock-owner";
    internal const string ExpiresKey = "hsm-rotate:lock-expires";

    private readonly JsonProtocolClient client = new(transport, AwsService.SecretsManager);

    public async Task<RotationLease?> ReadAsync(string resourceId, CancellationToken cancellationToken)
    {
        var secret = await client.CallAsync<SecretIdRequest, DescribeSecretResponse>(OperationCatalogue.SecretsManager.DescribeSecret, new(resourceId), cancellationToken).ConfigureAwait(false);
        var tags = (secret.Tags ?? []).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        if (!tags.TryGetValue(RunKey, out var run) || string.IsNullOrEmpty(run))
        {
            return null;
        }

        var expires = tags.TryGetValue(ExpiresKey, out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : DateTimeOffset.MinValue;
        return new RotationLease(run, tags.GetValueOrDefault(OwnerKey, "unknown"), expires);
    }

    public async Task<RotationLease> TryAcquireAsync(string resourceId, RotationLease wanted, CancellationToken cancellationToken)
    {
        var held = await ReadAsync(resourceId, cancellationToken).ConfigureAwait(false);
        if (held is not null && held.RunId != wanted.RunId && !held.IsExpiredAt(clock.GetUtcNow()))
        {
            return held;
        }

        var tags = new List<SecretTag>
        {
            new(RunKey, wanted.RunId),
            new(OwnerKey, wanted.Owner),
            new(ExpiresKey, wanted.ExpiresAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
        };
        await client.CallAsync<TagResourceRequest, EmptyResponse>(OperationCatalogue.SecretsManager.TagResource, new(resourceId, tags), cancellationToken).ConfigureAwait(false);
        return await ReadAsync(resourceId, cancellationToken).ConfigureAwait(false)
            ?? throw new AwsApiException($"the rotation lock tags on {resourceId} vanished right after being written; another run may be releasing it, try again.", AwsService.SecretsManager, "TagResource", "LockNotVisible", null, null);
    }

    public async Task ReleaseAsync(string resourceId, string runId, CancellationToken cancellationToken)
    {
        var held = await ReadAsync(resourceId, cancellationToken).ConfigureAwait(false);
        if (held?.RunId != runId)
        {
            return;
        }

        await client.CallAsync<UntagResourceRequest, EmptyResponse>(OperationCatalogue.SecretsManager.UntagResource, new(resourceId, [RunKey, OwnerKey, ExpiresKey]), cancellationToken).ConfigureAwait(false);
    }
}
