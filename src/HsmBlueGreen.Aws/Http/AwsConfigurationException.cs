namespace HsmBlueGreen.Aws.Http;

/// <summary>A setting the user controls (region, endpoint override, credentials) is missing or wrong; the message says which and how to fix it.</summary>
public sealed class AwsConfigurationException(string message) : AdapterException(message);
