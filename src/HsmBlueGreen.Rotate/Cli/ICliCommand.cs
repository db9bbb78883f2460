namespace HsmBlueGreen.Rotate.Cli;

/// <summary>One verb of hsm-rotate (plan, run, mfa keygen, ...): its declared options and what it does with them.</summary>
public interface ICliCommand
{
    string Name { get; }

    string Summary { get; }

    /// <summary>The options this verb takes; the host builds the parser and the help from them.</summary>
    VerbOptions Options { get; }

    /// <summary>Whole command lines shown under "Examples" in the verb's help.</summary>
    IReadOnlyList<string> Examples => [];

    /// <summary>Verbs under this one (mfa keygen/sign/verify); a verb with subcommands runs only through them.</summary>
    IReadOnlyList<ICliCommand> Subcommands => [];

    /// <summary>What to tell the operator after AWS or pulumi stopped this verb part-way; null: nothing to resume.</summary>
    string? AfterStop(CommandLine line) => null;

    Task<int> RunAsync(CommandLine line, CliContext context);
}
