namespace HsmBlueGreen.Aws;

/// <summary>
/// An expected failure outside the program (AWS refused, a setting is wrong, pulumi failed, a secret has
/// the wrong form). The message is one actionable line without secrets: the CLI prints it, no stack trace.
/// </summary>
public abstract class AdapterException(string message, Exception? inner = null) : Exception(message, inner);
