using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Secrets;

namespace HsmBlueGreen.Core.Tests.Rotation.Fakes;

/// <summary>
/// Secrets Manager's version and staging-label rules as the rotation protocol depends on them: PutSecretValue is
/// idempotent per token and fails for the same token with other data; a label lives on one version; moving a label
/// that is elsewhere needs RemoveFromVersionId; moving AWSCURRENT puts AWSPREVIOUS on the old version.
/// </summary>
public sealed class FakeSecretStore : ISecretStore
{
    private readonly Dictionary<string, Dictionary<string, (Credential Value, HashSet<string> Stages)>> secrets = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Secret, string Version), DateTimeOffset> created = [];

    /// <summary>The time PutSecretValue stamps on a new version (its CreatedDate).</summary>
    public Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UnixEpoch;

    /// <summary>When the versions a test seeds were created: long before the clock starts, as a stack's first credential is.</summary>
    public DateTimeOffset SeededAt { get; set; } = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    public Action<string> Touch { get; set; } = _ => { };

    public Queue<string> Passwords { get; } = new(["Gen1-aB3dE5fG7hJ9kL1mN3pQ5rS7tU9", "Gen2-wX1yZ3aB5cD7eF9gH1jK3mN5pQ7"]);

    public List<string> Generated { get; } = [];

    public void Seed(string secretId, string versionId, Credential value, params string[] stages)
    {
        Versions(secretId)[versionId] = (value, new HashSet<string>(stages, StringComparer.Ordinal));
        created[(secretId, versionId)] = SeededAt;
    }

    /// <summary>Like ListSecretVersionIds without IncludeDeprecated: versions with a label, each with its CreatedDate.</summary>
    public Task<IReadOnlyList<SecretVersionInfo>> ListVersionsAsync(string secretId, CancellationToken cancellationToken)
    {
        Touch("secrets.list-versions");
        lock (secrets)
        {
            IReadOnlyList<SecretVersionInfo> versions = [.. Versions(secretId).Where(v => v.Value.Stages.Count > 0)
                .Select(v => new SecretVersionInfo(v.Key, created[(secretId, v.Key)], [.. v.Value.Stages.Order(StringComparer.Ordinal)]))];
            return Task.FromResult(versions);
        }
    }

    public Credential? Value(string secretId, string stage) =>
        Versions(secretId).Values.Where(v => v.Stages.Contains(stage)).Select(v => v.Value).FirstOrDefault();

    public Task<SecretVersions> DescribeAsync(string secretId, CancellationToken cancellationToken)
    {
        Touch("secrets.describe");
        lock (secrets)
        {
            var map = Versions(secretId).Where(v => v.Value.Stages.Count > 0)
                .ToDictionary(v => v.Key, v => (IReadOnlyList<string>)v.Value.Stages.Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
            return Task.FromResult(new SecretVersions(secretId, map));
        }
    }

    public Task<Credential?> GetAsync(string secretId, SecretVersionRef version, CancellationToken cancellationToken)
    {
        Touch("secrets.get");
        lock (secrets)
        {
            var match = Versions(secretId).Where(v => (version.VersionId is null || v.Key == version.VersionId) && (version.Stage is null || v.Value.Stages.Contains(version.Stage)));
            return Task.FromResult(match.Select(v => (Credential?)v.Value.Value).FirstOrDefault());
        }
    }

    public Task PutAsync(string secretId, string clientRequestToken, Credential value, IReadOnlyList<string> stages, CancellationToken cancellationToken)
    {
        Touch("secrets.put");
        lock (secrets)
        {
            var versions = Versions(secretId);
            if (versions.TryGetValue(clientRequestToken, out var existing))
            {
                return existing.Value == value ? Task.CompletedTask : throw new InvalidOperationException($"ResourceExistsException: version {clientRequestToken} exists with other data");
            }

            var previous = versions.FirstOrDefault(v => v.Value.Stages.Contains(SecretStages.Current)).Key;
            foreach (var stage in stages)
            {
                foreach (var other in versions.Values)
                {
                    other.Stages.Remove(stage);
                }
            }

            versions[clientRequestToken] = (value, new HashSet<string>(stages, StringComparer.Ordinal));
            created[(secretId, clientRequestToken)] = Now();
            if (stages.Contains(SecretStages.Current) && previous is not null)
            {
                MovePrevious(versions, previous);
            }
        }

        return Task.CompletedTask;
    }

    public Task MoveStageAsync(string secretId, string stage, string? moveToVersionId, string? removeFromVersionId, CancellationToken cancellationToken)
    {
        Touch("secrets.move");
        lock (secrets)
        {
            var versions = Versions(secretId);
            var holder = versions.FirstOrDefault(v => v.Value.Stages.Contains(stage)).Key;
            if (moveToVersionId is not null && holder is not null && holder != moveToVersionId && holder != removeFromVersionId)
            {
                throw new InvalidOperationException($"InvalidParameterException: {stage} is on {holder}; RemoveFromVersionId is required");
            }

            if (removeFromVersionId is not null && versions.TryGetValue(removeFromVersionId, out var from))
            {
                from.Stages.Remove(stage);
            }

            if (moveToVersionId is not null)
            {
                versions[moveToVersionId].Stages.Add(stage);
                if (stage == SecretStages.Current && removeFromVersionId is not null)
                {
                    MovePrevious(versions, removeFromVersionId);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<Sensitive> GeneratePasswordAsync(PasswordPolicy policy, CancellationToken cancellationToken)
    {
        Touch("secrets.generate");
        lock (secrets)
        {
            var password = Passwords.Dequeue();
            Generated.Add(password);
            return Task.FromResult(new Sensitive(password));
        }
    }

    private static void MovePrevious(Dictionary<string, (Credential Value, HashSet<string> Stages)> versions, string previous)
    {
        foreach (var v in versions.Values)
        {
            v.Stages.Remove(SecretStages.Previous);
        }

        versions[previous].Stages.Add(SecretStages.Previous);
    }

    private Dictionary<string, (Credential Value, HashSet<string> Stages)> Versions(string secretId)
    {
        if (!secrets.TryGetValue(secretId, out var versions))
        {
            versions = new(StringComparer.Ordinal);
            secrets[secretId] = versions;
        }

        return versions;
    }
}
