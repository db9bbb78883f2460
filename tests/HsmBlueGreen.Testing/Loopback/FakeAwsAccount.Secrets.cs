using System.Text.Json.Nodes;

namespace HsmBlueGreen.Aws.Tests.Loopback;

/// <summary>A secret: values by version id, which version each staging label points at, and tags.</summary>
public sealed class FakeSecret(string arn, string name)
{
    public string Arn { get; } = arn;

    public string Name { get; } = name;

    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Stages { get; } = new(StringComparer.Ordinal);

    /// <summary>Each version's CreatedDate.</summary>
    public Dictionary<string, DateTimeOffset> Created { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public bool RotationEnabled { get; set; }

    public DateTimeOffset? LastRotated { get; set; }

    public DateTimeOffset? LastChanged { get; set; }

    public string? ValueAt(string stage) => Stages.TryGetValue(stage, out var version) ? Values[version] : null;
}

/// <summary>Secrets Manager with the staging-label rules the rotation protocol depends on.</summary>
public sealed partial class FakeAwsAccount
{
    private readonly List<FakeSecret> secrets = [];

    /// <summary>A secret whose AWSCURRENT version (id <paramref name="versionId"/>) holds <paramref name="secretString"/>.</summary>
    public FakeSecret AddSecret(string name, string? secretString = null, string versionId = "00000000-0000-4000-8000-000000000001", DateTimeOffset? createdAt = null)
    {
        var secret = new FakeSecret($"arn:aws:secretsmanager:{LoopbackAwsServer.Region}:{AccountId}:secret:{name}-AbCdEf", name);
        if (secretString is not null)
        {
            secret.Values[versionId] = secretString;
            secret.Stages["AWSCURRENT"] = versionId;
            secret.Created[versionId] = createdAt ?? Now();
        }

        lock (gate)
        {
            secrets.Add(secret);
        }

        return secret;
    }

    public FakeSecret Secret(string id)
    {
        lock (gate)
        {
            return secrets.FirstOrDefault(s => s.Name == id || s.Arn == id)
                ?? throw AwsFault.NotFound("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
        }
    }

    private JsonObject DescribeSecret(JsonObject input)
    {
        var secret = Secret(Str(input, "SecretId"));
        var stages = new JsonObject();
        // A version with no staging label is deprecated: the service leaves it out of VersionIdsToStages.
        foreach (var version in secret.Values.Keys.Where(secret.Stages.ContainsValue))
        {
            stages[version] = new JsonArray([.. secret.Stages.Where(s => s.Value == version).Select(s => (JsonNode)JsonValue.Create(s.Key))]);
        }

        return new JsonObject
        {
            ["ARN"] = secret.Arn,
            ["Name"] = secret.Name,
            ["VersionIdsToStages"] = stages,
            ["Tags"] = new JsonArray([.. secret.Tags.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })]),
            ["RotationEnabled"] = secret.RotationEnabled,
        }.WithOptionalDate("LastRotatedDate", secret.LastRotated).WithOptionalDate("LastChangedDate", secret.LastChanged);
    }

    private JsonObject GetSecretValue(JsonObject input)
    {
        var secret = Secret(Str(input, "SecretId"));
        var version = OptStr(input, "VersionId");
        var stage = OptStr(input, "VersionStage") ?? (version is null ? "AWSCURRENT" : null);
        if (stage is not null)
        {
            if (!secret.Stages.TryGetValue(stage, out var staged) || (version is not null && version != staged))
            {
                throw AwsFault.NotFound("ResourceNotFoundException", $"Secrets Manager can't find the specified secret value for staging label: {stage}");
            }

            version = staged;
        }

        if (!secret.Values.TryGetValue(version!, out var value))
        {
            throw AwsFault.NotFound("ResourceNotFoundException", $"Secrets Manager can't find the specified secret value for VersionId: {version}");
        }

        var answer = new JsonObject { ["ARN"] = secret.Arn, ["Name"] = secret.Name, ["VersionId"] = version, ["SecretString"] = value };
        var stages = secret.Stages.Where(s => s.Value == version).Select(s => (JsonNode)JsonValue.Create(s.Key)).ToArray();
        if (stages.Length > 0)
        {
            answer["VersionStages"] = new JsonArray(stages); // a deprecated version has none, and the model allows no empty list
        }

        return answer;
    }

    /// <summary>Without IncludeDeprecated the service lists only versions that carry a staging label.</summary>
    private JsonObject ListSecretVersionIds(JsonObject input)
    {
        var secret = Secret(Str(input, "SecretId"));
        var deprecated = input["IncludeDeprecated"]?.GetValue<bool>() ?? false;
        var listed = secret.Values.Keys.Where(v => deprecated || secret.Stages.ContainsValue(v)).Select(v =>
        {
            var entry = new JsonObject { ["VersionId"] = v, ["CreatedDate"] = Epoch(secret.Created[v]) };
            var stages = secret.Stages.Where(s => s.Value == v).Select(s => (JsonNode)JsonValue.Create(s.Key)).ToArray();
            if (stages.Length > 0)
            {
                entry["VersionStages"] = new JsonArray(stages);
            }

            return (JsonNode)entry;
        }).ToList();
        var (page, next) = Page(listed, OptStr(input, "NextToken"));
        return new JsonObject { ["ARN"] = secret.Arn, ["Name"] = secret.Name, ["Versions"] = new JsonArray([.. page]) }.WithOptional("NextToken", next);
    }

    private JsonObject PutSecretValue(JsonObject input)
    {
        var secret = Secret(Str(input, "SecretId"));
        var version = Str(input, "ClientRequestToken");
        var value = Str(input, "SecretString");
        if (secret.Values.TryGetValue(version, out var existing))
        {
            if (existing != value)
            {
                throw AwsFault.Invalid("ResourceExistsException", "You can't modify an existing version, you can only create a new version.");
            }
        }
        else
        {
            secret.Values[version] = value;
            secret.Created[version] = Now();
            var stages = input["VersionStages"] is JsonArray given ? Strings(given).ToList() : ["AWSCURRENT"];
            foreach (var stage in stages)
            {
                MoveStage(secret, stage, version);
            }
        }

        return new JsonObject { ["ARN"] = secret.Arn, ["Name"] = secret.Name, ["VersionId"] = version };
    }

    private JsonObject UpdateSecretVersionStage(JsonObject input)
    {
        var secret = Secret(Str(input, "SecretId"));
        var stage = Str(input, "VersionStage");
        var to = OptStr(input, "MoveToVersionId");
        var from = OptStr(input, "RemoveFromVersionId");
        secret.Stages.TryGetValue(stage, out var holder);
        if (to is not null && holder is not null && holder != to && holder != from)
        {
            throw AwsFault.Invalid("InvalidParameterException", $"The parameter RemoveFromVersionId can't be empty. Staging label {stage} is currently attached to version {holder}, so you must explicitly reference that version in RemoveFromVersionId.");
        }

        if (to is not null && !secret.Values.ContainsKey(to))
        {
            throw AwsFault.NotFound("ResourceNotFoundException", $"Secrets Manager can't find the specified secret version: {to}");
        }

        if (to is null && from is not null && holder == from)
        {
            secret.Stages.Remove(stage);
        }
        else if (to is not null)
        {
            MoveStage(secret, stage, to);
        }

        return new JsonObject { ["ARN"] = secret.Arn, ["Name"] = secret.Name };
    }

    /// <summary>Moving AWSCURRENT puts AWSPREVIOUS on the version that held it, as the service does.</summary>
    private static void MoveStage(FakeSecret secret, string stage, string version)
    {
        if (stage == "AWSCURRENT" && secret.Stages.TryGetValue("AWSCURRENT", out var old) && old != version)
        {
            secret.Stages["AWSPREVIOUS"] = old;
        }

        secret.Stages[stage] = version;
    }
}
