namespace HsmBlueGreen.Aws.SecretsManager;

/// <summary>A slot's secret does not hold the credential JSON; the message names the secret, never its value.</summary>
public sealed class SecretFormatException(string message) : AdapterException(message);
