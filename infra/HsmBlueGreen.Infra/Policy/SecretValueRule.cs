using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Infra.Declarations;
using HsmBlueGreen.Infra.Emit;
using HsmBlueGreen.Infra.Model;

namespace HsmBlueGreen.Infra.Policy;

/// <summary>
/// No secret value is in the program: not a secret's placeholder, not the plaintext of any secret config key
/// (Pulumi hands those to the compiler decrypted and unmarked), and no Secrets Manager value resource.
/// A secret key the program uses is declared `secret: true` and referenced as `${key}`.
/// </summary>
internal sealed class SecretValueRule : IPolicyRule
{
    public const string Name = "no-secret-values";
    private const string SecretVersionToken = "aws:secretsmanager:SecretVersion";

    public IEnumerable<PolicyViolation> Check(StackProgram program, PolicyContext context)
    {
        var document = ProgramDocument.From(program);
        foreach (var resource in program.Resources)
        {
            if (resource.Type == SecretVersionToken)
            {
                yield return new(Name, resource.Name, "declares a secret value", "remove it; the step program writes secret versions");
            }

            var strings = ProgramEmitter.Strings(document["resources"]![resource.Name]).ToList();
            if (strings.Any(s => s.Contains(RawStackConfig.SecretPlaceholder, StringComparison.Ordinal)))
            {
                yield return new(Name, resource.Name, "uses a secret config value as text", "reference the key as ${key} and declare it secret in config");
            }

            for (var i = 0; i < context.SecretValues.Count; i++)
            {
                var secret = context.SecretValues[i];
                if (secret.Length > 0 && strings.Any(s => s.Contains(secret.Reveal(), StringComparison.Ordinal)))
                {
                    yield return new(Name, resource.Name, $"contains the plaintext of secret config value #{i + 1}", "reference the key as ${key} and declare it secret in config");
                }
            }
        }

        var declared = new HashSet<string>(program.SecretConfigKeys, StringComparer.Ordinal);
        var referenced = ProgramEmitter.Strings(document["resources"]).SelectMany(Interpolation.Accesses).Select(Interpolation.Root);
        foreach (var key in ConfigReference.SecretKeys(context.Settings))
        {
            if (!declared.Contains(key) && referenced.Contains(key))
            {
                yield return new(Name, key, "is a secret referenced by the program but not declared secret in its config block", "declare it under config: with secret: true");
            }
        }
    }
}
