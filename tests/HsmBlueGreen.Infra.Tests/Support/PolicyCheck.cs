using HsmBlueGreen.Core.Tests.Settings;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Policy;

namespace HsmBlueGreen.Infra.Tests.Support;

/// <summary>A valid two-zone program and its context, and the one-place changes policy tests make to it.</summary>
internal static class PolicyCheck
{
    public static readonly PolicyContext Context = new(Programs.Settings(StackYaml.Valid), []);

    public static readonly StackProgram Valid = Programs.Build(StackYaml.Valid);

    public static IReadOnlyList<PolicyViolation> Run(StackProgram program, PolicyContext? context = null) => StackPolicy.Check(program, context ?? Context);

    public static StackProgram Change<T>(string name, Func<T, T> change)
        where T : ResourceBody =>
        Valid.With(name, r => r with { Body = change(Assert.IsType<T>(r.Body)) });
}
