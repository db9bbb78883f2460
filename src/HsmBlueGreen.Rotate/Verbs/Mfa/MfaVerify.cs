using System.Text.Json;
using HsmBlueGreen.Core.Mfa;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Verbs.Mfa;

/// <summary>`mfa verify`: one line per HSM, exit 1 if any signature does not check out.</summary>
internal sealed class MfaVerify : ICliCommand
{
    public string Name => "verify";

    public string Summary => "check every signature of a token or authdata file; exit 1 if any fails";

    public VerbOptions Options { get; } = new([MfaInputs.Tokens, MfaInputs.AuthData, MfaInputs.PublicKey], ["json"]);

    public IReadOnlyList<string> Examples => ["hsm-rotate mfa verify --tokens tokens.json --public-key officer.pub"];

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(context);

        _ = line.Required(MfaInputs.PublicKey);
        var (file, _, display) = MfaInputs.ReadChallengeFile(line, context);
        using var publicKey = MfaInputs.ReadPublicKey(line, context)!;

        var checks = MfaSigning.Verify(file, publicKey);
        var failed = checks.Count(c => !c.Passed);
        if (line.Has("json"))
        {
            var report = new MfaVerifyJson("mfa-verify", display, publicKey.Source, [.. checks.Select(c => new MfaCheckJson(c.Label, c.Passed, c.Describe()))], failed == 0);
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(report, ReportJson.Default.MfaVerifyJson)).ConfigureAwait(false);
            return failed == 0 ? ExitCodes.Done : MfaCommand.SignatureRejected;
        }

        foreach (var check in checks)
        {
            await context.Out.WriteLineAsync($"{check.Label}: {check.Describe()}").ConfigureAwait(false);
        }

        var verdict = failed == 0
            ? $"all {checks.Count} signatures in {display} verify with {publicKey.Source}."
            : $"{failed} of {checks.Count} signatures in {display} do not verify with {publicKey.Source}.";
        await context.Out.WriteLineAsync(verdict).ConfigureAwait(false);
        return failed == 0 ? ExitCodes.Done : MfaCommand.SignatureRejected;
    }
}
