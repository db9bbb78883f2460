using System.Text.Json.Nodes;

namespace HsmBlueGreen.Aws.Tests.Loopback;

/// <summary>Secrets Manager beside the versions: tags (the rotation lock lives there) and generated passwords.</summary>
public sealed partial class FakeAwsAccount
{
    private int passwordCounter;

    private JsonObject GetRandomPassword(JsonObject input)
    {
        var length = input["PasswordLength"]?.GetValue<long>() ?? 32;
        var exclude = OptStr(input, "ExcludeCharacters") ?? string.Empty;
        var alphabet = Enumerable.Range(33, 94).Select(c => (char)c).Where(c => !exclude.Contains(c)).ToArray();
        var seed = ++passwordCounter;
        var password = new string([.. Enumerable.Range(0, (int)length).Select(i => alphabet[((i * 7) + (seed * 13)) % alphabet.Length])]);
        return new JsonObject { ["RandomPassword"] = password };
    }

    private JsonObject? TagResource(JsonObject input)
    {
        var secret = Secret(Str(input, "SecretId"));
        var tags = input["Tags"]!.AsArray().Select(t => (Key: Str(t!.AsObject(), "Key"), Value: Str(t.AsObject(), "Value"))).ToList();
        foreach (var (key, value) in tags)
        {
            SecretTagRules.Check(key, value);
        }

        // All or nothing: a call that would pass the limit changes no tag.
        SecretTagRules.CheckCount(secret.Tags.Keys.Union(tags.Select(t => t.Key), StringComparer.Ordinal));
        foreach (var (key, value) in tags)
        {
            secret.Tags[key] = value;
        }

        return null;
    }

    private JsonObject? UntagResource(JsonObject input)
    {
        var secret = Secret(Str(input, "SecretId"));
        var keys = Strings(input["TagKeys"]).ToList();
        foreach (var key in keys)
        {
            SecretTagRules.CheckNotReserved(key);
        }

        foreach (var key in keys)
        {
            secret.Tags.Remove(key);
        }

        return null;
    }
}
