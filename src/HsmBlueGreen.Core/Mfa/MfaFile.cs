using System.Text.Json.Nodes;

namespace HsmBlueGreen.Core.Mfa;

/// <summary>
/// A file of digests an HSM tool wants signed, one per HSM: the CloudHSM CLI token file or the
/// cloudhsm_mgmt_util authdata file. Filling it keeps everything else in the file as it was.
/// </summary>
public abstract class MfaFile
{
    private readonly JsonObject root;

    private protected MfaFile(JsonObject root, IReadOnlyList<MfaChallenge> challenges)
    {
        this.root = root;
        Challenges = challenges;
    }

    /// <summary>What the file is, for messages: "token file" or "authdata file".</summary>
    public abstract string Kind { get; }

    public IReadOnlyList<MfaChallenge> Challenges { get; }

    public int SignedCount => Challenges.Count(c => c.IsSigned);

    /// <summary>The file's text with every signature filled in, in challenge order.</summary>
    /// <param name="publicKeyPem">Written where the format has a place for it; ignored otherwise.</param>
    public string Render(IReadOnlyList<string> signatures, string? publicKeyPem)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        if (signatures.Count != Challenges.Count)
        {
            throw new ArgumentException($"{Challenges.Count} signatures expected, {signatures.Count} given.", nameof(signatures));
        }

        var copy = (JsonObject)root.DeepClone();
        Fill(copy, signatures, publicKeyPem);
        return MfaJson.Write(copy);
    }

    private protected abstract void Fill(JsonObject copy, IReadOnlyList<string> signatures, string? publicKeyPem);
}
