using System.Runtime.CompilerServices;
using HsmBlueGreen.Aws.Tests.Support;

namespace HsmBlueGreen.Aws.Tests;

/// <summary>
/// The shared credentials are installed when the Testing assembly loads, but a test that only reads its constants
/// (inlined at compile time) never loads it: install them when this assembly loads, so a test run alone signs too.
/// </summary>
internal static class TestCredentialsSetup
{
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "test assembly: credentials must be in place before any adapter reads the chain")]
    internal static void Install() => TestCredentials.Install();
}
