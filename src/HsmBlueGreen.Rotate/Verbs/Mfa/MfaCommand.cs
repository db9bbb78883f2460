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

    public string Name => "mfa";

    public string Summary => "sign CloudHSM MFA token files and 2FA authdata files; make and check key pairs";

    public VerbOptions Options => VerbOptions.None;

    public IReadOnlyList<ICliCommand> Subcommands { get; } = [new MfaKeygen(), new MfaSign(), new MfaVerify()];

    /// <summary>Never runs: the host runs a subcommand, or shows this group's help.</summary>
    public Task<int> RunAsync(CommandLine line, CliContext context) => throw new UsageException("name a subcommand: keygen, sign or verify.");
}
