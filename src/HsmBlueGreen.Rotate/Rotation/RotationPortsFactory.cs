using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>Builds the ports for one command. Tests pass in-memory fakes; the release build passes the AWS adapters.</summary>
public delegate RotationPorts RotationPortsFactory(CliContext context, StackSettings settings);

/// <summary>The factory this build ships with.</summary>
public static class ProductionPorts
{
    // The AWS adapters (src/HsmBlueGreen.Aws, AwsPorts.Create) are wired here when they are merged.
    public static RotationPortsFactory Factory { get; } = (_, settings) =>
        throw new PortsUnavailableException($"the AWS adapters are not wired in this build, so '{settings.Stack}' cannot be reached. 'hsm-rotate plan --stack {settings.Stack}' works offline.");
}

/// <summary>The ports cannot be built (no adapters, no credentials): one line, exit code 2, nothing changed.</summary>
public sealed class PortsUnavailableException : Exception
{
    public PortsUnavailableException(string message)
        : base(message)
    {
    }

    public PortsUnavailableException()
    {
    }

    public PortsUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
