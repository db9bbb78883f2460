using System.Text.RegularExpressions;

namespace HsmBlueGreen.Aws.Tests.Loopback;

/// <summary>
/// Secrets Manager's documented tag restrictions (TagResource): at most 50 tags per secret, keys of 127 and values of
/// 255 characters (the model allows 128/256; the service text says 127/255, the stricter is kept), letters, digits,
/// spaces and + - = . _ : / @ only, and no aws: prefix on a key or value (reserved, in any case). The error code for
/// each refusal is assumed (InvalidParameterException is the one TagResource lists for invalid values).
/// </summary>
internal static partial class SecretTagRules
{
    public const int MaxTags = 50;
    public const int MaxKeyLength = 127;
    public const int MaxValueLength = 255;

    public static void Check(string key, string value)
    {
        CheckNotReserved(key);
        if (value.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            throw Refused($"tag values can't start with aws: ({key})");
        }

        if (key.Length > MaxKeyLength || value.Length > MaxValueLength)
        {
            throw Refused($"tag {key} is longer than {MaxKeyLength} (key) or {MaxValueLength} (value) characters");
        }

        if (!Allowed().IsMatch(key) || !Allowed().IsMatch(value))
        {
            throw Refused($"tag {key} has characters outside letters, numbers, spaces and + - = . _ : / @");
        }
    }

    public static void CheckNotReserved(string key)
    {
        if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase))
        {
            throw Refused($"tag keys can't start with aws: ({key}); the prefix is reserved for AWS use");
        }
    }

    /// <summary>Tags under aws: do not count, but a caller can never add one, so every key here counts.</summary>
    public static void CheckCount(IEnumerable<string> keys)
    {
        var count = keys.Count();
        if (count > MaxTags)
        {
            throw Refused($"the secret would have {count} tags; the maximum is {MaxTags}");
        }
    }

    private static AwsFault Refused(string message) => AwsFault.Invalid("InvalidParameterException", message);

    [GeneratedRegex(@"^[\p{L}\p{Zs}\p{N}+\-=._:/@]*$")]
    private static partial Regex Allowed();
}
