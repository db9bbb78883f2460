using HsmBlueGreen.Core.Mfa;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Verbs.Mfa;

/// <summary>The files `mfa sign` and `mfa verify` read: the token or authdata file and the keys.</summary>
internal static class MfaInputs
{
    public const string Tokens = "tokens";
    public const string AuthData = "authdata";
    public const string Key = "key";
    public const string PublicKey = "public-key";

    public static string FullPath(CliContext context, string given) => Path.GetFullPath(given, context.WorkingDirectory);

    /// <summary>The file named by exactly one of --tokens or --authdata, parsed and checked.</summary>
    public static (MfaFile File, string Path, string Display) ReadChallengeFile(CommandLine line, CliContext context)
    {
        var tokens = line.Value(Tokens);
        var authData = line.Value(AuthData);
        if ((tokens is null) == (authData is null))
        {
            throw new UsageException($"give exactly one of --{Tokens} <file> (CloudHSM CLI token file) or --{AuthData} <file> (cloudhsm_mgmt_util authdata file).");
        }

        var display = tokens ?? authData!;
        var path = FullPath(context, display);
        var text = SafeFiles.Read(path, display);
        MfaFile file = tokens is not null ? TokenFile.Parse(text, display) : AuthDataFile.Parse(text, display);
        return (file, path, display);
    }

    /// <summary>The --key private key; an encrypted one takes its passphrase from --passphrase-env or a prompt.</summary>
    public static async Task<MfaPrivateKey> ReadPrivateKeyAsync(CommandLine line, CliContext context)
    {
        var display = line.Required(Key);
        var pem = SafeFiles.Read(FullPath(context, display), display);
        var passphrase = Passphrases.FromEnvironment(line, context);
        if (passphrase is null && MfaPrivateKey.IsEncrypted(pem))
        {
            passphrase = await Passphrases.PromptAsync(context, $"Passphrase for {display}: ").ConfigureAwait(false);
        }

        return MfaPrivateKey.FromPem(pem, passphrase, display);
    }

    /// <summary>The --public-key file, or null when the option is absent.</summary>
    public static MfaPublicKey? ReadPublicKey(CommandLine line, CliContext context)
    {
        var display = line.Value(PublicKey);
        return display is null ? null : MfaPublicKey.FromPem(SafeFiles.Read(FullPath(context, display), display), display);
    }
}
