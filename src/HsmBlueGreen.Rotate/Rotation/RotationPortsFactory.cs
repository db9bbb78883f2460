using HsmBlueGreen.Aws;
using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>Builds the ports for one command. Tests pass in-memory fakes; the release build passes the AWS adapters.</summary>
public delegate RotationPorts RotationPortsFactory(CliContext context, StackSettings settings);

/// <summary>The factory this build ships with: the AWS adapters, configured from the process environment.</summary>
public static class ProductionPorts
{
    /// <summary>Names the pulumi executable when it is not the one on PATH (a pinned version, or a test double).</summary>
    public const string PulumiVariable = "HSM_ROTATE_PULUMI";

    public static RotationPortsFactory Factory { get; } = (context, stack) =>
    {
        var aws = AwsPorts.Create(Settings(context, stack.Stack));
        return new RotationPorts(
            aws.CallerIdentity,
            aws.StackControl,
            aws.ClusterControl,
            aws.LoadBalancer,
            aws.Metrics,
            aws.SecretStore,
            aws.RotationLock,
            aws.AppGroups,
            aws.HsmUserCommands)
        {
            SmokeCheck = aws.SmokeCheck,
            RunRecords = aws.RunRecords,
        };
    };

    /// <summary>
    /// The adapters' settings for every command: the command's environment and clock, pulumi in the project directory,
    /// and with a stack its aws:region, used when the caller sets no region and refused when it sets another.
    /// </summary>
    public static AwsSettings Settings(CliContext context, string? stack = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new AwsSettings(context.Environment, context.Clock)
        {
            ProjectDirectory = PhysicalProjectFiles.FindFrom(context.WorkingDirectory)?.Directory ?? context.WorkingDirectory,
            PulumiExecutable = context.Environment(PulumiVariable) ?? "pulumi",
            StackRegion = stack is null ? null : StackLoader.Region(context, stack),
            OnRequest = context.AwsRequests,
        };
    }
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
