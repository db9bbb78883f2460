using System.Collections.Concurrent;
using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Infra.Declarations;
using HsmBlueGreen.Infra.Model;

namespace HsmBlueGreen.Infra.Tests.Support;

/// <summary>Settings and typed programs built from stack files, for tests that look at the model rather than the text.</summary>
internal static class Programs
{
    public static StackSettings Settings(string yaml, string stack = "test") =>
        StackConfigLoader.FromStackFile(InMemoryProjectFiles.WithStack(stack, yaml), stack);

    private static readonly ConcurrentDictionary<string, StackProgram> ShippedPrograms = new(StringComparer.Ordinal);

    public static StackSettings Shipped(string stack) => StackConfigLoader.FromStackFile(Repo.Files, stack);

    /// <summary>The program of a shipped stack (Pulumi.dev.yaml, Pulumi.prod.yaml), built once.</summary>
    public static StackProgram ShippedProgram(string stack) => ShippedPrograms.GetOrAdd(stack, s => ProgramBuilder.Build(Shipped(s)));

    public static StackProgram Build(string yaml, string stack = "test") => ProgramBuilder.Build(Settings(yaml, stack));

    public static T Body<T>(this StackProgram program, string name)
        where T : ResourceBody =>
        Assert.IsType<T>(program.Find(name)?.Body);
}
