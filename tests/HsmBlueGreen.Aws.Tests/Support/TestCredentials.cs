using System.Runtime.CompilerServices;
using HsmBlueGreen.Aws.Tests.Loopback;

namespace HsmBlueGreen.Aws.Tests.Support;

/// <summary>
/// Static test credentials through the environment, so the adapters resolve them with AWSSDK.Core's real
/// default chain (its first source is AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY). The loopback server checks
/// signatures against the same secret key. Set once: the values never change during the run.
/// </summary>
internal static class TestCredentials
{
    [ModuleInitializer]
    internal static void Install()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", LoopbackAwsServer.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", LoopbackAwsServer.SecretKey);
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }
}
