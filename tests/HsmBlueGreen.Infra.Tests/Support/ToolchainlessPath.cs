namespace HsmBlueGreen.Infra.Tests.Support;

/// <summary>
/// A PATH like a machine's without a C toolchain: one folder linking only the commands infra/compile.sh uses
/// besides the native link (the shell, find, head, mkdir, touch, flock, uname and dotnet).
/// </summary>
internal static class ToolchainlessPath
{
    private static readonly string[] Commands = ["sh", "find", "head", "mkdir", "touch", "flock", "uname", "dotnet"];

    public static string In(string directory)
    {
        var bin = Directory.CreateDirectory(Path.Combine(directory, "toolchainless-bin")).FullName;
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var command in Commands)
        {
            var target = path.Select(d => Path.Combine(d, command)).FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException($"'{command}' is not on PATH");
            File.CreateSymbolicLink(Path.Combine(bin, command), target);
        }

        return bin;
    }
}
