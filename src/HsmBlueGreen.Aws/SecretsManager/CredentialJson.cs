using System.Text.Json;
using System.Text.Json.Nodes;
using HsmBlueGreen.Core.Secrets;

namespace HsmBlueGreen.Aws.SecretsManager;

/// <summary>
/// The one place that knows how a slot's secret stores its credential: SecretString
/// {"username":"...","password":"..."}. The admin host script reads the same two keys.
/// </summary>
public static class CredentialJson
{
    public const string UsernameKey = "username";
    public const string PasswordKey = "password";

    public static string Write(Credential credential) =>
        new JsonObject { [UsernameKey] = credential.Username, [PasswordKey] = credential.Password.Reveal() }.ToJsonString();

    /// <summary>Never echoes the text it failed on: it holds a password.</summary>
    public static Credential Read(string secretId, string secretString)
    {
        try
        {
            var node = JsonNode.Parse(secretString) as JsonObject;
            var username = node?[UsernameKey]?.GetValue<string>();
            var password = node?[PasswordKey]?.GetValue<string>();
            if (!string.IsNullOrEmpty(username) && password is not null)
            {
                return new Credential(username, new Sensitive(password));
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            // Fall through to the message below; the parser's text could quote the secret.
        }

        throw new SecretFormatException($"secret {secretId} does not hold a JSON object with string \"{UsernameKey}\" and \"{PasswordKey}\"; store the crypto user's credential in that form.");
    }
}
