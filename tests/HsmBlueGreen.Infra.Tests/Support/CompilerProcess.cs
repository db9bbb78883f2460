using System.Diagnostics;
using System.Text.Json.Nodes;
using HsmBlueGreen.Infra.Emit;

namespace HsmBlueGreen.Infra.Tests.Support;

/// <summary>
/// Runs Pulumi.yaml's compiler command as Pulumi's YAML host does: split like shlex (no shell), started in
/// the project root, with the given PULUMI_* variables and none inherited from the test's own environment.
/// </summary>
internal static class CompilerProcess
{
    public static string Command()
    {
        var project = YamlText.Read(File.ReadAllText(Path.Combine(Repo.Root, "Pulumi.yaml")))!;
        return (string)project["runtime"]!["options"]!["compiler"]!;
    }

    public static InfraRun Run(IReadOnlyDictionary<string, string> pulumiVariables)
    {
        var argv = ShellWords.Split(Command());
        var start = new ProcessStartInfo(argv[0])
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in argv.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("PULUMI_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in pulumiVariables)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{Command()}' did not finish in 5 minutes");
        }

        return new InfraRun(process.ExitCode, stdout.Result, stderr.Result);
    }

    public static JsonObject ParseProgram(string stdout) =>
        YamlText.Read(stdout) as JsonObject ?? throw new InvalidOperationException("stdout is not a YAML mapping");
}
