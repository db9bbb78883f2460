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
        foreach (var tag in input["Tags"]!.AsArray())
        {
            secret.Tags[Str(tag!.AsObject(), "Key")] = Str(tag.AsObject(), "Value");
        }

        return null;
    }

    private JsonObject? UntagResource(JsonObject input)
    {
        var secret = Secret(Str(input, "SecretId"));
        foreach (var key in Strings(input["TagKeys"]))
        {
            secret.Tags.Remove(key);
        }

        return null;
    }
}
