namespace HsmBlueGreen.Rotate.Cli;

/// <summary>One top-level verb of hsm-rotate (plan, run, mfa, ...). It receives the arguments after its name.</summary>
public interface ICliCommand
{
    string Name { get; }

    string Summary { get; }

    Task<int> RunAsync(IReadOnlyList<string> args, CliContext context);
}
