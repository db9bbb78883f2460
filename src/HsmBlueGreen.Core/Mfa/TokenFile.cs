using System.Text.Json.Nodes;

namespace HsmBlueGreen.Core.Mfa;

/// <summary>
/// The CloudHSM CLI (Client SDK 5) MFA token file:
/// {"version":"2.0","tokens":[{"unsigned":"&lt;b64 SHA-256&gt;","signed":"&lt;b64 or empty&gt;"}, ...]}, one token per HSM.
/// </summary>
public sealed class TokenFile : MfaFile
{
    public const string Version = "2.0";
    private const string Tool = "the CloudHSM CLI";

    private TokenFile(JsonObject root, IReadOnlyList<MfaChallenge> challenges)
        : base(root, challenges)
    {
    }

    public override string Kind => "token file";

    public static TokenFile Parse(string text, string source)
    {
        var root = MfaJson.ParseObject(text, source);
        MfaJson.RequireVersion(root, "version", Version, source, Tool);
        if (root["tokens"] is null && root["approval_data"] is not null)
        {
            // Quorum tokens share the version but not the shape; say which file this is rather than "no tokens".
            throw new MfaInputException($"{source} is a quorum token file (\"approval_data\", \"signatures\"), not an MFA token file; 'mfa sign --tokens' signs the files of 'login mfa-token-sign' and 'user change-mfa token-sign'.");
        }

        var tokens = MfaJson.RequiredArray(root, "tokens", source);
        var challenges = new List<MfaChallenge>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var label = $"token {i + 1} of {tokens.Count}";
            var where = $"{source}: {label}";
            var token = MfaJson.Entry(tokens, i, where);
            var digest = MfaDigest.FromBase64(MfaJson.RequiredString(token, "unsigned", where), $"{where} (\"unsigned\")");
            challenges.Add(new MfaChallenge(label, digest, MfaJson.OptionalString(token, "signed", where)));
        }

        return new TokenFile(root, challenges);
    }

    private protected override void Fill(JsonObject copy, IReadOnlyList<string> signatures, string? publicKeyPem)
    {
        // The CLI asks for the public key's path at its own prompt; the file has no place for it.
        var tokens = (JsonArray)copy["tokens"]!;
        for (var i = 0; i < signatures.Count; i++)
        {
            tokens[i]!["signed"] = signatures[i];
        }
    }
}
