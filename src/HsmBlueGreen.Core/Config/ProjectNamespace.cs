namespace HsmBlueGreen.Core.Config;

/// <summary>The project's config namespace: Pulumi.yaml's name, the prefix of every key we own.</summary>
public static class ProjectNamespace
{
    public const string Name = "hsm-blue-green";

    /// <summary>The key without its namespace when it is one of ours; null for other namespaces (aws:region, ...).</summary>
    public static string? Strip(string namespacedKey)
    {
        var colon = namespacedKey.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }

        var ns = namespacedKey[..colon];
        var key = namespacedKey[(colon + 1)..];
        if (key.StartsWith("config:", StringComparison.Ordinal))
        {
            // The legacy "ns:config:name" form means "ns:name" (Pulumi's ParseKey).
            key = key["config:".Length..];
        }

        return string.Equals(ns, Name, StringComparison.Ordinal) ? key : null;
    }
}
