using System.Diagnostics;
using System.Text.Json.Nodes;
using HsmBlueGreen.Infra.Emit;

namespace HsmBlueGreen.Infra.Tests.Support;

/// <summary>
/// Runs Pulumi.yaml's compiler command as Pulumi's YAML host does: split like shlex (no shell), started in
/// the project root (the repository's, or a copy's), with the given PULUMI_* variables and none inherited from
/// the test's own environment. The first call after a source change publishes the native program, so the
/// limit is generous.
/// </summary>
internal static class CompilerProcess
{
    public static string Command()
    {
        var project = YamlText.Read(File.ReadAllText(Path.Combine(Repo.Root, "Pulumi.yaml")))!;
        return (string)project["runtime"]!["options"]!["compiler"]!;
    }

    public static InfraRun Run(IReadOnlyDictionary<string, string> pulumiVariables, string? root = null, string? path = null)
    {
        var argv = ShellWords.Split(Command());
        var start = new ProcessStartInfo(argv[0])
        {
            WorkingDirectory = root ?? Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in argv.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("PULUMI_", StringComparison.Ordinal) || k == "HSM_BLUE_GREEN_COMPILER").ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in pulumiVariables)
        {
            start.Environment[name] = value;
        }

        if (path is not null)
        {
            start.Environment["PATH"] = path;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(15)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{Command()}' did not finish in 15 minutes");
        }

        return new InfraRun(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static JsonObject ParseProgram(string stdout) =>
        YamlText.Read(stdout) as JsonObject ?? throw new InvalidOperationException("stdout is not a YAML mapping");
}
