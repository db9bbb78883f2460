using System.Security.Cryptography;

namespace HsmBlueGreen.Rotate.Tests.Mfa;

/// <summary>
/// Key pairs made once per test run and written into workspaces, in the files keygen would
/// write, so tests of refusals do not pay for RSA generation each time.
/// </summary>
internal static class TestKeys
{
    public const string Passphrase = "never-print-this-passphrase";

    private static readonly Lazy<RSA> Signing = new(() => RSA.Create(2048));
    private static readonly Lazy<RSA> Other = new(() => RSA.Create(2048));

    // Few iterations: these tests are about refusals, not about the strength of the encryption.
    public static string EncryptedSigningKeyPem => Signing.Value.ExportEncryptedPkcs8PrivateKeyPem(
        Passphrase,
        new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000));

    public static void WriteSigningPair(MfaWorkspace workspace, string name) => WritePair(workspace, name, Signing.Value);

    public static void WriteOtherPair(MfaWorkspace workspace, string name) => WritePair(workspace, name, Other.Value);

    private static void WritePair(MfaWorkspace workspace, string name, RSA key)
    {
        workspace.Write(name + ".key", key.ExportPkcs8PrivateKeyPem());
        workspace.Write(name + ".pub", key.ExportSubjectPublicKeyInfoPem() + "\n");
    }
}
