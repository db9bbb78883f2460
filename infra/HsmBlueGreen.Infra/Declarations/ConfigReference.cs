using HsmBlueGreen.Core.Settings;

namespace HsmBlueGreen.Infra.Declarations;

/// <summary>
/// A config string in the program: a plain value as itself (escaped), a secret as `${key}`, so the YAML host
/// reads it from the stack config and keeps it secret; its plaintext is never in the program.
/// </summary>
internal static class ConfigReference
{
    public static string Of(ConfigString value) =>
        value.PlainValue is { } plain ? Emit.Interpolation.Escape(plain) : $"${{{value.Key}}}";

    public static IEnumerable<string> SecretKeys(StackSettings settings) =>
        new[] { settings.Listener.CertificateArn }.Where(c => c is { IsSecret: true }).Select(c => c!.Key);
}
