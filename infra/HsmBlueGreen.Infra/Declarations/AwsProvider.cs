namespace HsmBlueGreen.Infra.Declarations;

/// <summary>
/// The pulumi-aws version every resource is pinned to. Pulumi's plugin discovery runs the compiler without
/// any stack and takes plugin versions from that output, so the pin lives on each resource (options.version)
/// and is the same in every program this compiler prints. The resource shapes were read from this version.
/// </summary>
public static class AwsProvider
{
    public const string Version = "7.48.0";
}
