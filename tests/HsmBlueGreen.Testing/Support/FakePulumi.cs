using System.Text.Json.Nodes;

namespace HsmBlueGreen.Aws.Tests.Support;

/// <summary>
/// A fake `pulumi` (bash) in a temp directory: records each argument list as one JSON line, prints the
/// canned stdout, stderr and exit code a test sets, and can hang to exercise timeouts.
/// </summary>
internal sealed class FakePulumi : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("fake-pulumi-").FullName;

    public FakePulumi()
    {
        Executable = Path.Combine(directory, "pulumi");
        File.WriteAllText(Executable, """
            #!/usr/bin/env bash
            here="$(dirname "$0")"
            { printf '['; sep=''; for a in "$@"; do printf '%s"%s"' "$sep" "${a//\"/\\\"}"; sep=','; done; printf '] %s\n' "$PWD"; } >> "$here/calls.log"
            [ -f "$here/hang" ] && sleep 30
            [ -f "$here/stdout" ] && cat "$here/stdout"
            [ -f "$here/stderr" ] && cat "$here/stderr" >&2
            exit "$(cat "$here/exit" 2>/dev/null || echo 0)"
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Executable { get; }

    public string ProjectDirectory => directory;

    public FakePulumi Answer(string stdout, string stderr = "", int exitCode = 0)
    {
        File.WriteAllText(Path.Combine(directory, "stdout"), stdout);
        File.WriteAllText(Path.Combine(directory, "stderr"), stderr);
        File.WriteAllText(Path.Combine(directory, "exit"), exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return this;
    }

    public FakePulumi Hang()
    {
        File.WriteAllText(Path.Combine(directory, "hang"), string.Empty);
        return this;
    }

    /// <summary>Each call's arguments, and the directory it ran in.</summary>
    public IReadOnlyList<(string[] Arguments, string WorkingDirectory)> Calls
    {
        get
        {
            var path = Path.Combine(directory, "calls.log");
            return !File.Exists(path) ? [] : [.. File.ReadAllLines(path).Select(line =>
            {
                var split = line.IndexOf("] ", StringComparison.Ordinal) + 1;
                return (JsonNode.Parse(line[..split])!.AsArray().Select(a => a!.GetValue<string>()).ToArray(), line[(split + 1)..]);
            })];
        }
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
