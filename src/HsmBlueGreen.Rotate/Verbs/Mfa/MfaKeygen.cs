using HsmBlueGreen.Core.Mfa;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Verbs.Mfa;

/// <summary>`mfa keygen --out NAME`: an RSA 2048 pair as NAME.key (PKCS#8, 0600) and NAME.pub (SubjectPublicKeyInfo).</summary>
internal sealed class MfaKeygen : ICliCommand
{
    public string Name => "keygen";

    public string Summary => "write an RSA 2048 key pair: <name>.key (PKCS#8, mode 0600) and <name>.pub";

    public VerbOptions Options { get; } = new(["out", Passphrases.EnvOption], ["encrypt", "force"]);

    public IReadOnlyList<string> Examples => ["hsm-rotate mfa keygen --out officer", "hsm-rotate mfa keygen --out officer --encrypt"];

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(context);
        var name = line.Required("out");
        if (line.Has("encrypt") && line.Value(Passphrases.EnvOption) is not null)
        {
            throw new UsageException($"keygen takes --out <name> and either --{Passphrases.EnvOption} NAME or --encrypt, nothing else.");
        }

        var keyFile = (Path: MfaInputs.FullPath(context, name + ".key"), Display: name + ".key");
        var pubFile = (Path: MfaInputs.FullPath(context, name + ".pub"), Display: name + ".pub");
        var force = line.Has("force");

        // Refuse before asking for a passphrase nobody will use.
        if (!force)
        {
            SafeFiles.RequireAbsent([keyFile, pubFile], "choose another --out or pass --force to replace");
        }

        var passphrase = Passphrases.FromEnvironment(line, context)
            ?? (line.Has("encrypt") ? await Passphrases.PromptNewAsync(context, keyFile.Display).ConfigureAwait(false) : null);

        using var key = MfaPrivateKey.Generate(keyFile.Display);
        SafeFiles.WriteAll(
            [
                new PendingFile(keyFile.Path, keyFile.Display, key.ToPem(passphrase).Reveal(), SafeFiles.Private),
                new PendingFile(pubFile.Path, pubFile.Display, key.PublicKey.ToPem() + "\n", SafeFiles.Public),
            ],
            replace: force);

        var protection = passphrase is null ? "not encrypted" : "encrypted with AES-256-CBC";
        await context.Out.WriteLineAsync($"wrote {keyFile.Display} (RSA {MfaPrivateKey.GeneratedBits}, PKCS#8, {protection}, mode 0600) and {pubFile.Display}.").ConfigureAwait(false);
        await context.Out.WriteLineAsync($"Register {pubFile.Display} with the HSM user; keep {keyFile.Display} off shared machines.").ConfigureAwait(false);
        return ExitCodes.Done;
    }
}
