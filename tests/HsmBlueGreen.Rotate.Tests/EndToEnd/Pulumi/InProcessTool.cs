namespace HsmBlueGreen.Rotate.Tests.EndToEnd.Pulumi;

/// <summary>What one call of the tool printed and how it exited.</summary>
internal sealed record ToolAnswer(string Out, string Error, int Exit)
{
    public static ToolAnswer Ok(string output = "") => new(output, string.Empty, 0);

    public static ToolAnswer Fail(string error) => new(string.Empty, error + "\n", 255);
}

/// <summary>
/// An executable (bash) that the code under test starts as a real process, answered by the test process: each
/// call writes its working directory and arguments (NUL-separated) to a request file, and waits for the answer
/// files this side writes (stdout, stderr, then the exit code last). A file pair needs nothing installed beyond bash.
/// </summary>
internal sealed class InProcessTool : IDisposable
{
    private readonly string directory;
    private readonly Func<string, string[], ToolAnswer> answer;
    private readonly CancellationTokenSource stop = new();
    private readonly Task serving;

    public InProcessTool(string name, Func<string, string[], ToolAnswer> answer)
    {
        this.answer = answer;
        directory = Directory.CreateTempSubdirectory($"in-process-{name}-").FullName;
        Directory.CreateDirectory(Path.Combine(directory, "calls"));
        Executable = Path.Combine(directory, name);
        File.WriteAllText(Executable, """
            #!/usr/bin/env bash
            calls="$(dirname "$0")/calls"
            id="$$.$RANDOM"
            { printf '%s\0' "$PWD" "$@"; } > "$calls/$id.tmp" && mv "$calls/$id.tmp" "$calls/$id.call"
            for _ in $(seq 1 6000); do
              if [ -f "$calls/$id.exit" ]; then
                cat "$calls/$id.out"; cat "$calls/$id.err" >&2
                exit "$(cat "$calls/$id.exit")"
              fi
              sleep 0.01
            done
            echo "no answer from the test process within 60 s" >&2
            exit 99
            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        serving = Task.Run(ServeAsync);
    }

    public string Executable { get; }

    private async Task ServeAsync()
    {
        // Wall-clock polling for files is I/O, not the rotation's time: the fake clock is not involved.
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
        {
            foreach (var call in Directory.GetFiles(Path.Combine(directory, "calls"), "*.call"))
            {
                var parts = File.ReadAllText(call).Split('\0')[..^1];
                ToolAnswer result;
                try
                {
                    result = answer(parts[0], parts[1..]);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    result = ToolAnswer.Fail($"the in-process {Path.GetFileName(Executable)} failed: {e}");
                }

                var stem = call[..^".call".Length];
                File.WriteAllText(stem + ".out", result.Out);
                File.WriteAllText(stem + ".err", result.Error);
                File.WriteAllText(stem + ".tmp-exit", result.Exit.ToString(System.Globalization.CultureInfo.InvariantCulture));
                File.Move(stem + ".tmp-exit", stem + ".exit");
                File.Delete(call);
            }
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        try
        {
            serving.Wait();
        }
        catch (AggregateException e) when (e.InnerException is OperationCanceledException)
        {
            // Stopped, as asked.
        }

        stop.Dispose();
        Directory.Delete(directory, recursive: true);
    }
}
