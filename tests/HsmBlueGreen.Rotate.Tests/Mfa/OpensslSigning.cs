using System.Text.Json.Nodes;

namespace HsmBlueGreen.Rotate.Tests.Mfa;

/// <summary>The manual procedure operators follow today, one token at a time, as the reference to match.</summary>
internal static class OpensslSigning
{
    /// <summary>`openssl pkeyutl -verify -pubin -inkey PUB -pkeyopt digest:sha256` on one decoded token and signature.</summary>
    public static OpensslRun Verify(MfaWorkspace workspace, byte[] digest, string signatureBase64, string publicKey)
    {
        workspace.Write("t.bin", digest);
        workspace.Write("t.sig", Convert.FromBase64String(signatureBase64));
        return workspace.Openssl("pkeyutl", "-verify", "-pubin", "-inkey", publicKey, "-pkeyopt", "digest:sha256", "-in", "t.bin", "-sigfile", "t.sig");
    }

    /// <summary>`openssl pkeyutl -sign -inkey KEY -pkeyopt digest:sha256` on one decoded token; the signature as base64.</summary>
    public static string Sign(MfaWorkspace workspace, byte[] digest, string privateKey, params string[] passin)
    {
        workspace.Write("t.bin", digest);
        workspace.MustOpenssl(["pkeyutl", "-sign", "-inkey", privateKey, .. passin, "-pkeyopt", "digest:sha256", "-in", "t.bin", "-out", "t.sig"]);
        return Convert.ToBase64String(workspace.Bytes("t.sig"));
    }

    /// <summary>(digest, signature) of every entry of a token or authdata file, in file order.</summary>
    public static IReadOnlyList<(byte[] Digest, string Signature)> Entries(string json)
    {
        var root = JsonNode.Parse(json)!;
        var (list, digest, signature) = root["tokens"] is JsonArray tokens ? (tokens, "unsigned", "signed") : (root["Data"]!.AsArray(), "Digest", "Signature");
        return list.Select(e => (Convert.FromBase64String((string)e![digest]!), (string)e[signature]!)).ToList();
    }

    public static bool VerifiedOk(OpensslRun run) =>
        run.ExitCode == 0 && run.Out.Contains("Signature Verified Successfully", StringComparison.Ordinal);
}
