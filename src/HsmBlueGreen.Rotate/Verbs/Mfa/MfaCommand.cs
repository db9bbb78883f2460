using HsmBlueGreen.Core.Mfa;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Verbs.Mfa;

/// <summary>
/// `hsm-rotate mfa keygen|sign|verify`: the key pair and token signing that CloudHSM MFA
/// (CloudHSM CLI) and 2FA (cloudhsm_mgmt_util) otherwise need by hand with openssl.
/// </summary>
public sealed class MfaCommand : ICliCommand
{
    public const int SignatureRejected = 1;

    private static readonly string[] Usage =
    [
        "usage: hsm-rotate mfa <keygen|sign|verify> [options]",
        string.Empty,
        "  keygen --out <name> [--passphrase-env NAME | --encrypt] [--force]",
        "         writes <name>.key (PKCS#8, mode 0600) and <name>.pub (RSA 2048)",
        "  sign   (--tokens <file> | --authdata <file>) --key <private key> [--public-key <pub>]",
        "         [--out <file>] [--passphrase-env NAME] [--force]",
        "         signs every token or digest; writes the file in place unless --out is given",
        "  verify (--tokens <file> | --authdata <file>) --public-key <pub>",
        "         checks every signature; exit 1 if any fails",
        string.Empty,
        "An encrypted key's passphrase comes from the variable --passphrase-env names, or a prompt.",
    ];

    public string Name => "mfa";

    public string Summary => "sign CloudHSM MFA token files and 2FA authdata files; make and check key pairs";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var verb = args.Count > 0 ? args[0] : null;
        var rest = args.Skip(1).ToList();
        try
        {
            switch (verb)
            {
                case "keygen":
                    return await MfaKeygen.RunAsync(rest, context).ConfigureAwait(false);
                case "sign":
                    return await MfaSign.RunAsync(rest, context).ConfigureAwait(false);
                case "verify":
                    return await MfaVerify.RunAsync(rest, context).ConfigureAwait(false);
                case null or "help" or "--help" or "-h":
                    foreach (var line in Usage)
                    {
                        await context.Out.WriteLineAsync(line).ConfigureAwait(false);
                    }

                    return verb is null ? ExitCodes.BadInput : ExitCodes.Done;
                default:
                    throw new UsageException($"unknown subcommand '{verb}'; use keygen, sign or verify.");
            }
        }
        catch (MfaInputException e)
        {
            throw new UsageException(e.Message, e);
        }
    }
}
