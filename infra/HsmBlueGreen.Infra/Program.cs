using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Infra.Cli;

// Pulumi's YAML host runs this in the project directory and evaluates stdout as the program (Pulumi.yaml).
var root = Environment.GetEnvironmentVariable("PULUMI_ROOT_DIRECTORY") is { Length: > 0 } pulumiRoot ? pulumiRoot : Directory.GetCurrentDirectory();
var host = new InfraHost(Environment.GetEnvironmentVariable, () => PhysicalProjectFiles.FindFrom(root), Console.Out, Console.Error, stderrIsTerminal: !Console.IsErrorRedirected);
return host.Run(args);
