using System.Text.Json.Nodes;

namespace HsmBlueGreen.Core.Config;

/// <summary>
/// The stack config schema, used to reject unknown keys: an unknown key is most often a typo, which would
/// otherwise silently leave a default in force (say, a multi-AZ requirement switched off by "requireMultiAZ").
/// </summary>
public static class KnownKeys
{
    /// <summary>Marks a map whose keys are free (availability zones), checked by the binder instead.</summary>
    private static readonly IReadOnlyDictionary<string, object?> AnyKey = new Dictionary<string, object?>();

    private static readonly IReadOnlyDictionary<string, object?> Slot = Leaves("clusterId", "sourceBackupId", "cryptoUser", "clientCount", "retiring");

    public static readonly IReadOnlyDictionary<string, object?> Top = new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["vpcId"] = null,
        ["hsmSubnets"] = AnyKey,
        ["clientSubnets"] = AnyKey,
        ["albSubnets"] = AnyKey,
        ["albInternal"] = null,
        ["listenerPort"] = null,
        ["listenerProtocol"] = null,
        ["certificateArn"] = null,
        ["appPort"] = null,
        ["healthCheckPath"] = null,
        ["hsmType"] = null,
        ["clientAmiId"] = null,
        ["clientInstanceType"] = null,
        ["clientCount"] = null,
        ["adminAmiId"] = null,
        ["adminInstanceType"] = null,
        ["requireMultiAz"] = null,
        ["alertEmails"] = null,
        ["customerCaParameter"] = null,
        ["slots"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["blue"] = Slot, ["green"] = Slot },
        ["stickinessSeconds"] = null,
        ["traffic"] = Leaves("blue", "green"),
        ["flowLogRetentionDays"] = null,
        ["operatorRoleName"] = null,
        ["keyLabels"] = null,
        ["maintenanceWindow"] = Leaves("start", "maxDuration"),
        ["prices"] = Leaves("hsmPerHour", "clientInstancePerHour", "adminInstancePerHour"),
    };

    public static void Check(JsonObject values, List<ConfigError> errors) => Check(values, Top, prefix: string.Empty, errors);

    private static void Check(JsonObject values, IReadOnlyDictionary<string, object?> schema, string prefix, List<ConfigError> errors)
    {
        foreach (var (key, node) in values)
        {
            var path = prefix + key;
            if (!schema.TryGetValue(key, out var child))
            {
                var nearest = Nearest(key, schema.Keys);
                var fix = nearest is null
                    ? $"remove it (known here: {string.Join(", ", schema.Keys)})"
                    : $"did you mean '{prefix}{nearest}'? Rename it, or remove it";
                errors.Add(new ConfigError(path, null, "is not a known setting", fix));
            }
            else if (child is IReadOnlyDictionary<string, object?> nested && !ReferenceEquals(nested, AnyKey) && node is JsonObject obj)
            {
                Check(obj, nested, path + ".", errors);
            }
        }
    }

    /// <summary>The closest known name by edit distance, if close enough to be a likely typo.</summary>
    public static string? Nearest(string key, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(c => (Name: c, Distance: Distance(key.ToLowerInvariant(), c.ToLowerInvariant())))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, key.Length / 3) ? best.Name : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }

    private static Dictionary<string, object?> Leaves(params string[] names) =>
        names.ToDictionary(n => n, _ => (object?)null, StringComparer.Ordinal);
}
