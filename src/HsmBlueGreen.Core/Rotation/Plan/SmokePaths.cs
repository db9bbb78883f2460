using System.Text.RegularExpressions;

namespace HsmBlueGreen.Core.Rotation.Plan;

/// <summary>What --smoke-path accepts: a plain URL path, so it needs no escaping in a URL or a shell word.</summary>
internal static partial class SmokePaths
{
    public static bool IsValid(string path) => Pattern().IsMatch(path);

    [GeneratedRegex("^/[A-Za-z0-9._~%/-]{0,200}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
