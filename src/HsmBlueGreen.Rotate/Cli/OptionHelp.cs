using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Strategies;
using HsmBlueGreen.Rotate.Rotation;

namespace HsmBlueGreen.Rotate.Cli;

/// <summary>One option's help: what it does, its default when left out (null: none), and a value to show as an example.</summary>
public sealed record OptionText(string Description, string? Default = null, string? Example = null);

/// <summary>
/// Every option's help text by name, shared by the verbs that take it; "verb name" keys override where one name means
/// something else in one verb (mfa keygen's --out is a name, mfa sign's a file). Defaults are read from the code's
/// own defaults, so help cannot drift from what a run does.
/// </summary>
public static class OptionHelp
{
    private static readonly RotationOptions Defaults = RotationOptions.Default;

    private static readonly Dictionary<string, OptionText> Texts = new(StringComparer.Ordinal)
    {
        ["stack"] = new("the Pulumi stack (Pulumi.<stack>.yaml in the project directory); required", Example: "dev"),
        ["strategy"] = new(string.Join(", ", RotationStrategies.Keys), RotationStrategies.Default.Key, RotationStrategies.Keys[^1]),
        ["window-start"] = new($"start of the maintenance window: {MaintenanceWindow.StartFormats}; with --window-duration", "the stack's maintenanceWindow", "02:00"),
        ["window-duration"] = new("length of the maintenance window; with --window-start", "the stack's maintenanceWindow", "1h"),
        ["steps"] = new("green's weight at each step, increasing, ending at 100", string.Join(",", Defaults.Steps.Percents), "10,50,100"),
        ["bake"] = new("time each step runs before its gates are judged (0s needs --acknowledge-no-bake)", Durations.Format(Defaults.Bake), "10m"),
        ["settle"] = new("wait after a weight change before metrics count", Durations.Format(Defaults.Settle), "1m"),
        ["pause-at"] = new("pause for 'promote' once green reaches this weight (one of --steps)", "no pause", "50"),
        ["max-5xx-rate"] = new("highest share of green's requests answered 5xx, in percent", $"{GateArguments.SetBy(Defaults.Gates, "max-5xx-rate").Threshold * 100:0.##}", "2"),
        ["max-latency"] = new("highest average target response time on green", Durations.Format(TimeSpan.FromSeconds(GateArguments.SetBy(Defaults.Gates, "max-latency").Threshold.GetValueOrDefault())), "800ms"),
        ["min-requests"] = new("requests green must serve in a bake before the gates can pass", $"{GateArguments.MinRequests(Defaults.Gates)}", "100"),
        ["health-timeout"] = new("how long to wait for green's targets to turn healthy", Durations.Format(Defaults.HealthTimeout), "20m"),
        ["client-count"] = new("application instances to start again after a maintenance window", "the group's size before the window", "2"),
        ["smoke-path"] = new("HTTP path checked through green's test route before traffic moves", "no smoke check", "/health"),
        ["acknowledge-no-bake"] = new("accept --bake 0s: every gate is judged on whatever data exists at once"),
        ["compare"] = new("show every strategy side by side"),
        ["json"] = new("machine-readable output (JSON lines) instead of text"),
        ["verbose"] = new("every AWS call and, on a crash, the full exception"),
        ["yes"] = new("do not ask for confirmation (needed with --json)"),
        ["dry-run"] = new("read-only preflight: check everything, change nothing"),
        ["slot"] = new("the slot to retire: blue or green"),
        ["to"] = new("the slot to put all traffic back on", "the slot that served before the run", "blue"),
        ["drain"] = new("how long the slot must have had weight 0", "5m or the stickiness duration, whichever is longer", "10m"),
        ["until"] = new("the last stage to reach: prepared (idle slot ACTIVE), rotated (it serves 100%) or retired (old slot gone)", "retired", "rotated"),
        ["backup-id"] = new("the backup to restore the idle slot from, checked like the automatic choice", "the newest READY backup of the serving cluster taken after its credential was set", "backup-abcdefghijk"),
        ["reschedule"] = new("resume with a weight schedule different from the one the run record keeps, on purpose"),
        ["watch"] = new("keep showing the run until it ends (Ctrl-C stops watching, not the run)"),
        ["assume-drained"] = new("retire even if the drain time has not passed"),
        ["acknowledge-login-failure"] = new("continue although a login with the new password failed (see README)"),
        ["break-glass-role"] = new("the IAM role the SCP still allows destructive CloudHSM actions to", Core.Policies.GuardrailPolicies.DefaultBreakGlassRole, "ops-emergency"),
        ["only"] = new("print one document alone: scp, boundary, operator or audit", "all, annotated", "scp"),
        ["tokens"] = new("CloudHSM CLI MFA token file (JSON)", Example: "tokens.json"),
        ["authdata"] = new("cloudhsm_mgmt_util 2FA authdata file", Example: "authdata.json"),
        ["key"] = new("private key (PKCS#8 PEM, may be encrypted)", Example: "officer.key"),
        ["public-key"] = new("public key (PEM) to check against or to embed", Example: "officer.pub"),
        ["out"] = new("file to write the signed result to", "the input file, in place", "signed.json"),
        ["keygen out"] = new("name of the pair: writes <name>.key and <name>.pub", Example: "officer"),
        ["passphrase-env"] = new("environment variable holding the key's passphrase", "a prompt on a terminal", "MFA_PASS"),
        ["encrypt"] = new("encrypt the private key with a passphrase typed at a prompt (12 characters or more)"),
        ["force"] = new("replace existing files (sign: re-sign tokens already signed)"),
    };

    public static OptionText For(string verb, string option) =>
        Texts.GetValueOrDefault($"{verb} {option}") ?? Texts.GetValueOrDefault(option) ?? new OptionText(string.Empty);

    /// <summary>The help line: description, default, example.</summary>
    public static string Describe(string verb, string option, bool takesValue)
    {
        var text = For(verb, option);
        var parts = new List<string> { text.Description };
        if (text.Default is not null)
        {
            parts.Add($"[default: {text.Default}]");
        }

        if (takesValue && text.Example is not null)
        {
            parts.Add($"(e.g. --{option} {text.Example})");
        }

        return string.Join(" ", parts.Where(p => p.Length > 0));
    }
}
