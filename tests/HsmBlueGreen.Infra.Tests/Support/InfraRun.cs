using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Infra.Cli;

namespace HsmBlueGreen.Infra.Tests.Support;

/// <summary>One run of the real infra host in-process, with the project files and environment it is given.</summary>
public sealed record InfraRun(int ExitCode, string Stdout, string Stderr)
{
    public static InfraRun Of(IProjectFiles? files, IReadOnlyDictionary<string, string>? environment, params string[] args) => Of(files, environment, stderrIsTerminal: false, args);

    public static InfraRun Of(IProjectFiles? files, IReadOnlyDictionary<string, string>? environment, bool stderrIsTerminal, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var env = environment ?? new Dictionary<string, string>();
        var exit = new InfraHost(name => env.GetValueOrDefault(name), () => files, stdout, stderr, stderrIsTerminal).Run(args);
        return new InfraRun(exit, stdout.ToString(), stderr.ToString());
    }

    public static InfraRun Stack(string stack) => Of(Repo.Files, null, "--stack", stack);

    public static InfraRun Yaml(string stackYaml, string stack = "test") => Of(InMemoryProjectFiles.WithStack(stack, stackYaml), null, "--stack", stack);
}
