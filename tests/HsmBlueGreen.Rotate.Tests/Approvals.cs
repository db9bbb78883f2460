using System.Runtime.CompilerServices;

namespace HsmBlueGreen.Rotate.Tests;

/// <summary>
/// Golden files: Golden/&lt;name&gt;.approved.txt holds the approved output. A difference writes &lt;name&gt;.received.txt
/// beside it; review it and rename it over the approved file to approve.
/// </summary>
internal static class Approvals
{
    public static void Verify(string name, string actual)
    {
        var approved = Path.Combine(Path.GetDirectoryName(Here())!, "Golden", $"{name}.approved.txt");
        var received = Path.ChangeExtension(approved, null).Replace(".approved", ".received", StringComparison.Ordinal) + ".txt";
        var expected = File.Exists(approved) ? File.ReadAllText(approved) : null;
        if (expected != actual)
        {
            File.WriteAllText(received, actual);
        }
        else if (File.Exists(received))
        {
            File.Delete(received);
        }

        Assert.True(expected == actual, $"{name}: output differs from {approved}; see {received}");
    }

    private static string Here([CallerFilePath] string path = "") => path;
}
