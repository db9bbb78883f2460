using System.Text.Json.Nodes;

namespace HsmBlueGreen.Core.Config;

/// <summary>
/// A stack's project config before binding: the project's keys without their namespace, structured values
/// as JSON trees, and which top-level keys hold a secret. Secret plaintext never enters this record:
/// from a stack file we only see ciphertext, and from PULUMI_CONFIG we drop it (see <see cref="PulumiConfigReader"/>).
/// </summary>
public sealed record RawStackConfig(string Source, JsonObject Values, IReadOnlySet<string> SecretKeys)
{
    /// <summary>Stands in for a secret's value in <see cref="Values"/>; bound settings turn it into a config reference.</summary>
    public const string SecretPlaceholder = "[secret]";
}
