using HsmBlueGreen.Core.Mfa;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Verbs.Mfa;

/// <summary>
/// `mfa sign`: fills every signature of a token or authdata file and writes it back atomically,
/// in place by default (the CloudHSM CLI prompt's default), or to --out.
/// </summary>
internal sealed class MfaSign : ICliCommand
{
    public string Name => "sign";

    public string Summary => "sign every token or digest of a CloudHSM MFA token file or 2FA authdata file";

    public VerbOptions Options { get; } = new([MfaInputs.Tokens, MfaInputs.AuthData, MfaInputs.Key, MfaInputs.PublicKey, "out", Passphrases.EnvOption], ["force"]);

    public IReadOnlyList<string> Examples => ["hsm-rotate mfa sign --tokens tokens.json --key officer.key", "hsm-rotate mfa sign --authdata authdata.json --key officer.key --public-key officer.pub --out signed.json"];

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(context);
        _ = line.Required(MfaInputs.Key);

        // Every check happens before anything is written: a refusal leaves the file as it was.
        var (file, path, display) = MfaInputs.ReadChallengeFile(line, context);
        using var key = await MfaInputs.ReadPrivateKeyAsync(line, context).ConfigureAwait(false);
        using var publicKey = MfaInputs.ReadPublicKey(line, context);
        var signed = MfaSigning.Sign(file, display, key, publicKey, line.Has("force"));

        var outDisplay = line.Value("out") ?? display;
        var outPath = MfaInputs.FullPath(context, outDisplay);
        SafeFiles.RequireWritable(outPath, outDisplay, line.Value("out") is null ? "write the signed file elsewhere with --out <file>" : "choose another --out");
        SafeFiles.WriteAll([new PendingFile(outPath, outDisplay, signed, SafeFiles.ModeOf(outPath, SafeFiles.ModeOf(path, SafeFiles.Private)))], replace: true);

        var added = publicKey is not null && file is AuthDataFile ? $" and set its PublicKey from {publicKey.Source}" : string.Empty;
        var entries = file is TokenFile ? "tokens" : "digests";
        await context.Out.WriteLineAsync($"signed all {file.Challenges.Count} {entries} in {display} with {key.Source}{added}; wrote {outDisplay}.").ConfigureAwait(false);
        return ExitCodes.Done;
    }
}
