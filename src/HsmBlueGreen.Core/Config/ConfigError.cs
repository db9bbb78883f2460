namespace HsmBlueGreen.Core.Config;

/// <summary>
/// One thing wrong with a stack's configuration: the key (a path like "slots.green.sourceBackupId"),
/// the value found (null when missing; never the value of a secret), the rule it breaks and the fix.
/// </summary>
public sealed record ConfigError(string Key, string? Value, string Rule, string Fix)
{
    public string Format(string projectNamespace)
    {
        var value = Value is null ? string.Empty : $" = \"{Value}\"";
        return $"{projectNamespace}:{Key}{value}: {Rule}. Fix: {Fix}";
    }
}

/// <summary>Every error found in one pass, so an operator fixes them all at once rather than one per run.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string source, IReadOnlyList<ConfigError> errors)
        : base($"{errors.Count} configuration error(s) in {source}")
    {
        Source = source;
        Errors = errors;
    }

    public ConfigException()
        : this("configuration", [])
    {
    }

    public ConfigException(string message)
        : base(message)
    {
        Errors = [];
    }

    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public new string Source { get; } = "configuration";

    public IReadOnlyList<ConfigError> Errors { get; }

    public IEnumerable<string> Lines(string projectNamespace) =>
        Errors.Count == 0 ? [Message] : Errors.Select(e => e.Format(projectNamespace));
}
