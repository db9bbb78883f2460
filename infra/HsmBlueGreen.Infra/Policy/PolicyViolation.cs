using HsmBlueGreen.Core.Secrets;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Infra.Model;

namespace HsmBlueGreen.Infra.Policy;

/// <summary>One broken rule of the security checklist: which rule, on which resource, what is wrong and how to fix it.</summary>
public sealed record PolicyViolation(string Rule, string Resource, string Problem, string Fix)
{
    public string Format() => $"policy {Rule}: {Resource}: {Problem}. Fix: {Fix}";
}

/// <summary>What a rule may look at besides the program: the settings it came from and the secret values it must not contain.</summary>
public sealed record PolicyContext(StackSettings Settings, IReadOnlyList<Sensitive> SecretValues);

/// <summary>One rule of the checklist, checked on the typed program before anything is printed.</summary>
public interface IPolicyRule
{
    IEnumerable<PolicyViolation> Check(StackProgram program, PolicyContext context);
}

/// <summary>The whole checklist. Every violation is reported, not just the first.</summary>
public static class StackPolicy
{
    public static readonly IReadOnlyList<IPolicyRule> Rules =
    [
        new HsmPortRule(),
        new MultiAzRule(),
        new InstanceHardeningRule(),
        new ListenerWeightRule(),
        new SecretValueRule(),
        new LifecycleRule(),
        new RoleGuardrailRule(),
        new ParameterReadRule(),
    ];

    public static IReadOnlyList<PolicyViolation> Check(StackProgram program, PolicyContext context) =>
        [.. Rules.SelectMany(rule => rule.Check(program, context))];
}
