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
    // Runs when a test first touches this assembly (the loopback server lives here), before any adapter reads the chain.
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "test-only library: every suite that signs requests goes through the loopback server in this assembly")]
    internal static void Install()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", LoopbackAwsServer.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", LoopbackAwsServer.SecretKey);
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }
}
