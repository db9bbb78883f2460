using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Secrets;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Infra.Declarations;
using HsmBlueGreen.Infra.Emit;
using HsmBlueGreen.Infra.Policy;

namespace HsmBlueGreen.Infra.Cli;

/// <summary>
/// Settings in, program out. Stdout gets the program and nothing else, written once at the end; every
/// problem goes to stderr with exit code 2 (bad input, policy) or 1 (our own bug), and then stdout stays empty.
/// </summary>
/// <param name="stderrIsTerminal">A person ran it by hand: the plugin-discovery program gets a one-line hint. Pulumi
/// captures stderr, so its discovery run stays silent as the compiler contract requires.</param>
public sealed class InfraHost(Func<string, string?> environment, Func<IProjectFiles?> projectFiles, TextWriter stdout, TextWriter stderr, bool stderrIsTerminal = false)
{
    public const int Done = 0;
    public const int Crashed = 1;
    public const int BadInput = 2;
    private const string Prefix = "hsm-blue-green infra";

    public int Run(IReadOnlyList<string> args)
    {
        try
        {
            var request = InfraRequest.Parse(args, environment);
            if (request is InfraRequest.Help)
            {
                stderr.WriteLine(InfraRequest.Usage);
                return Done;
            }

            if (request is InfraRequest.Discovery && stderrIsTerminal)
            {
                stderr.WriteLine($"{Prefix}: no --stack and no PULUMI_STACK, so this prints the plugin-discovery program Pulumi asks for; for a stack's program give --stack dev (or prod).");
            }

            var (settings, secrets) = Load(request);
            var program = ProgramBuilder.Build(settings);
            var violations = StackPolicy.Check(program, new PolicyContext(settings, secrets));
            if (violations.Count > 0)
            {
                stderr.WriteLine($"{Prefix}: the {settings.Stack} program breaks {violations.Count} security rule(s):");
                foreach (var violation in violations)
                {
                    stderr.WriteLine(violation.Format());
                }

                return BadInput;
            }

            stdout.Write(ProgramEmitter.Emit(program));
            return Done;
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"{Prefix}: {e.Message}");
            stderr.WriteLine(InfraRequest.Usage);
            return BadInput;
        }
        catch (ConfigException e)
        {
            if (e.Errors.Count > 0)
            {
                stderr.WriteLine($"{Prefix}: {e.Message}:");
            }

            foreach (var line in e.Lines(ProjectNamespace.Name))
            {
                stderr.WriteLine(e.Errors.Count > 0 ? line : $"{Prefix}: {line}");
            }

            return BadInput;
        }
        catch (IOException e)
        {
            stderr.WriteLine($"{Prefix}: cannot read the stack configuration: {e.Message}. Fix: check the file exists and is readable.");
            return BadInput;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Not the user's doing: full detail for a bug report. Settings never hold secret plaintext.
            stderr.WriteLine($"{Prefix}: internal error (please report): {e}");
            return Crashed;
        }
    }

    private (StackSettings Settings, IReadOnlyList<Sensitive> Secrets) Load(InfraRequest request)
    {
        switch (request)
        {
            case InfraRequest.FromStackFile file:
                return (StackConfigLoader.FromStackFile(Files(), file.Stack), []);
            case InfraRequest.FromPulumi pulumi:
                var files = Files();
                PulumiStackCheck.Check(files, pulumi.Stack, pulumi.ConfigJson);
                return (StackConfigLoader.FromPulumiConfig(files, pulumi.Stack, pulumi.ConfigJson), SecretPlaintexts.From(files, pulumi.Stack, pulumi.ConfigJson));
            default:
                return (DiscoverySettings.Create(), []);
        }
    }

    private IProjectFiles Files() =>
        projectFiles() ?? throw new ConfigException(
            $"no {PhysicalProjectFiles.ProjectFile} found at or above the working directory. Fix: run from the repository root (or set PULUMI_ROOT_DIRECTORY).");
}
