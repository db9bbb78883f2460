using System.Text.Json.Nodes;

namespace HsmBlueGreen.Core.Mfa;

/// <summary>
/// The cloudhsm_mgmt_util (Client SDK 3) 2FA authdata file:
/// {"Version":"1.0","PublicKey":"&lt;PEM&gt;","Data":[{"HsmId":"hsm-...","Digest":"&lt;b64&gt;","Signature":"&lt;b64&gt;"}, ...]}.
/// PublicKey is only wanted by createUser and changePswd.
/// </summary>
public sealed class AuthDataFile : MfaFile
{
    public const string Version = "1.0";
    private const string Tool = "cloudhsm_mgmt_util";

    private AuthDataFile(JsonObject root, IReadOnlyList<MfaChallenge> challenges, string? publicKeyPem)
        : base(root, challenges)
    {
        PublicKeyPem = publicKeyPem;
    }

    public override string Kind => "authdata file";

    /// <summary>The PEM already in the file, or null when it has none (missing or empty).</summary>
    public string? PublicKeyPem { get; }

    public static AuthDataFile Parse(string text, string source)
    {
        var root = MfaJson.ParseObject(text, source);
        MfaJson.RequireVersion(root, "Version", Version, source, Tool);
        var data = MfaJson.RequiredArray(root, "Data", source);
        var challenges = new List<MfaChallenge>(data.Count);
        for (var i = 0; i < data.Count; i++)
        {
            var position = $"entry {i + 1} of {data.Count}";
            var entry = MfaJson.Entry(data, i, $"{source}: {position}");
            var hsmId = MfaJson.RequiredString(entry, "HsmId", $"{source}: {position}");

            // HSM ids can repeat (the guide's own example does), so the position stays in the label.
            var label = $"{position} ({hsmId})";
            var where = $"{source}: {label}";
            var digest = MfaDigest.FromBase64(MfaJson.RequiredString(entry, "Digest", where), $"{where} (\"Digest\")");
            challenges.Add(new MfaChallenge(label, digest, MfaJson.OptionalString(entry, "Signature", where)));
        }

        var publicKey = MfaJson.OptionalString(root, "PublicKey", source);
        return new AuthDataFile(root, challenges, string.IsNullOrWhiteSpace(publicKey) ? null : publicKey);
    }

    private protected override void Fill(JsonObject copy, IReadOnlyList<string> signatures, string? publicKeyPem)
    {
        var data = (JsonArray)copy["Data"]!;
        for (var i = 0; i < signatures.Count; i++)
        {
            data[i]!["Signature"] = signatures[i];
        }

        if (publicKeyPem is not null)
        {
            copy["PublicKey"] = publicKeyPem;
        }
    }
}
