namespace HsmBlueGreen.Aws.Stack;

/// <summary>A pulumi command failed; the message names the command line (which never holds a secret) and pulumi's own error.</summary>
public sealed class PulumiCommandException(string message) : AdapterException(message);
