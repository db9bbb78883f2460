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

    /// <summary>
    /// Refuses a key whose namespace is a near miss of ours (hsm-bluegreen:stickinessSeconds): Pulumi would take it as
    /// another project's setting, and the default would silently stay in force.
    /// </summary>
    public static void RefuseNearMiss(string source, string namespacedKey)
    {
        ArgumentNullException.ThrowIfNull(namespacedKey);
        var colon = namespacedKey.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || Strip(namespacedKey) is not null)
        {
            return;
        }

        var ns = namespacedKey[..colon];
        if (KnownKeys.Nearest(ns, [Name]) is null)
        {
            return;
        }

        var key = namespacedKey[(colon + 1)..];
        var nearest = KnownKeys.Nearest(key, KnownKeys.Top.Keys) ?? key;
        throw new ConfigException($"{source}: '{namespacedKey}' is under the namespace '{ns}', not '{Name}', so it would be ignored. Fix: rename it to '{Name}:{nearest}'.");
    }
}
