using System.Text;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Ssm;

/// <summary>
/// The shell command that runs Scripts/hsm-user.sh on the admin host: bash -c '&lt;script&gt;' with the
/// operation, cluster, secret, user and version selectors as quoted arguments. None of them is secret.
/// </summary>
public static class HsmUserScript
{
    private static readonly Lazy<string> Script = new(() =>
    {
        using var stream = typeof(HsmUserScript).Assembly.GetManifestResourceStream("HsmBlueGreen.Aws.Scripts.hsm-user.sh")
            ?? throw new InvalidOperationException("the hsm-user.sh resource is missing from the assembly");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    public static string Text => Script.Value;

    public static string ChangePassword(HsmUserTarget target, SecretVersionRef current, SecretVersionRef next) =>
        Command("change-password", target, [.. Selector(current), .. Selector(next)]);

    public static string Login(HsmUserTarget target, SecretVersionRef credential) =>
        Command("login", target, Selector(credential));

    public static string ListUsers(HsmUserTarget target) => Command("list-users", target, []);

    /// <summary>The label is checked against the key-label rule when the stack is bound; it is quoted like every argument.</summary>
    public static string KeySharing(HsmUserTarget target, SecretVersionRef credential, string label) =>
        Command("key-sharing", target, [.. Selector(credential), label]);

    private static string[] Selector(SecretVersionRef version)
    {
        if (version.VersionId is null && version.Stage is null)
        {
            throw new ArgumentException("a secret version needs an id or a stage", nameof(version));
        }

        return [version.VersionId ?? "-", version.Stage ?? "-"];
    }

    private static string Command(string operation, HsmUserTarget target, IEnumerable<string> selectors)
    {
        var arguments = new[] { "hsm-user", operation, target.ClusterId, target.SecretId, target.CryptoUser }.Concat(selectors);
        return "bash -c " + Quote(Text) + " " + string.Join(" ", arguments.Select(Quote));
    }

    /// <summary>POSIX single quoting: the only character needing care inside is the quote itself.</summary>
    internal static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
