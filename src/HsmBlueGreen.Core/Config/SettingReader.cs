using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace HsmBlueGreen.Core.Config;

/// <summary>
/// Typed reads of single settings that collect every error instead of stopping at the first. A read that
/// fails records a <see cref="ConfigError"/> and returns null, so binding goes on to find the rest.
/// </summary>
internal sealed class SettingReader(IConfiguration configuration, IReadOnlySet<string> secretKeys, string stack, List<ConfigError> errors)
{
    public List<ConfigError> Errors => errors;

    public string? Text(string path) => configuration[ToConfigPath(path)] is { Length: > 0 } value ? value : null;

    public bool IsSecret(string path) => secretKeys.Contains(path.Split('.')[0]);

    public IConfigurationSection Section(string path) => configuration.GetSection(ToConfigPath(path));

    public string? Id(string path, IdRule rule, bool required)
    {
        if (RefuseSecret(path))
        {
            return null;
        }

        var value = Text(path);
        if (value is null)
        {
            if (required)
            {
                Fail(path, null, $"is required: {rule.Description}", SetCommand(path, rule.Example));
            }

            return null;
        }

        if (!rule.Matches(value))
        {
            Fail(path, value, $"is not {rule.Description}", SetCommand(path, rule.Example));
            return null;
        }

        return value;
    }

    public int? Int(string path, int fallback, int min, int max)
    {
        var value = Text(path);
        if (value is null)
        {
            return fallback;
        }

        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            Fail(path, value, $"must be a whole number from {min} to {max}", SetCommand(path, fallback.ToString(CultureInfo.InvariantCulture)));
            return null;
        }

        return number;
    }

    public bool? Bool(string path, bool fallback)
    {
        var value = Text(path);
        if (value is null)
        {
            return fallback;
        }

        if (!bool.TryParse(value, out var flag))
        {
            Fail(path, value, "must be true or false", SetCommand(path, fallback ? "true" : "false"));
            return null;
        }

        return flag;
    }

    /// <summary>A list of values of one shape, in index order; each bad item is reported with its index.</summary>
    public List<string> List(string key, IdRule rule, string what)
    {
        var items = new List<string>();
        if (Text(key) is { } single)
        {
            Fail(key, single, $"must be a list of {what}", SetCommand($"{key}[0]", rule.Example));
            return items;
        }

        foreach (var child in Section(key).GetChildren().OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue))
        {
            var path = $"{key}[{child.Key}]";
            if (child.Value is { } value && rule.Matches(value))
            {
                items.Add(value);
            }
            else
            {
                Fail(path, child.Value, $"is not {rule.Description}", SetCommand(path, rule.Example));
            }
        }

        return items;
    }

    public void Fail(string path, string? value, string rule, string fix) =>
        errors.Add(new ConfigError(path, IsSecret(path) ? RawStackConfig.SecretPlaceholder : value, rule, fix));

    /// <summary>The command that sets a value, in the form the operator can paste.</summary>
    public string SetCommand(string path, string example) =>
        path.Contains('.', StringComparison.Ordinal)
            ? $"pulumi config set --stack {stack} --path '{path}' {example}"
            : $"pulumi config set --stack {stack} {path} {example}";

    private bool RefuseSecret(string path)
    {
        if (!IsSecret(path))
        {
            return false;
        }

        Fail(path, null, "is a secret, but it is an identifier that must be checked and shown in plans", $"store it in plain text: pulumi config set --stack {stack} --plaintext {path.Split('.')[0]} <value>");
        return true;
    }

    private static string ToConfigPath(string path) => path.Replace('.', ':');
}
