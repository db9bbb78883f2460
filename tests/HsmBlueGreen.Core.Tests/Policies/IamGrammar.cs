using System.Text.Json;
using System.Text.RegularExpressions;

namespace HsmBlueGreen.Core.Tests.Policies;

/// <summary>
/// The IAM policy grammar, written from the IAM JSON policy reference independently of the generator:
/// Version, Statement list, Sid, Effect, Action/NotAction, Resource/NotResource, Condition operator -> key -> value.
/// For a service control policy also the `aws organizations create-policy` limits (size, no Principal).
/// </summary>
internal static partial class IamGrammar
{
    private static readonly HashSet<string> StatementKeys = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];

    public static IReadOnlyList<string> Check(string text, bool serviceControlPolicy = false)
    {
        var problems = new List<string>();
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ["the policy is not a JSON object"];
        }

        problems.AddRange(root.EnumerateObject().Where(p => p.Name is not ("Version" or "Statement" or "Id")).Select(p => $"unknown top-level key {p.Name}"));
        if (!root.TryGetProperty("Version", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2012-10-17")
        {
            problems.Add("Version must be \"2012-10-17\"");
        }

        if (!root.TryGetProperty("Statement", out var statements) || statements.ValueKind != JsonValueKind.Array || statements.GetArrayLength() == 0)
        {
            problems.Add("Statement must be a non-empty list");
            return problems;
        }

        var sids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var statement in statements.EnumerateArray())
        {
            CheckStatement(statement, serviceControlPolicy, sids, problems);
        }

        if (serviceControlPolicy && text.Length > 5120)
        {
            problems.Add($"a service control policy is at most 5120 characters, this one has {text.Length}");
        }

        return problems;
    }

    private static void CheckStatement(JsonElement statement, bool scp, HashSet<string> sids, List<string> problems)
    {
        if (statement.ValueKind != JsonValueKind.Object)
        {
            problems.Add("a statement is not an object");
            return;
        }

        problems.AddRange(statement.EnumerateObject().Where(p => !StatementKeys.Contains(p.Name)).Select(p => $"unknown statement key {p.Name}"));
        if (statement.TryGetProperty("Sid", out var sid) && (sid.ValueKind != JsonValueKind.String || !SidPattern().IsMatch(sid.GetString()!) || !sids.Add(sid.GetString()!)))
        {
            problems.Add($"Sid {sid} must be unique letters and digits");
        }

        if (!statement.TryGetProperty("Effect", out var effect) || effect.GetString() is not ("Allow" or "Deny"))
        {
            problems.Add("Effect must be Allow or Deny");
        }

        if (scp && (statement.TryGetProperty("Principal", out _) || statement.TryGetProperty("NotPrincipal", out _)))
        {
            problems.Add("a service control policy has no Principal");
        }

        ExactlyOne(statement, "Action", "NotAction", ActionPattern(), problems);
        ExactlyOne(statement, "Resource", "NotResource", ResourcePattern(), problems);
        if (statement.TryGetProperty("Condition", out var condition))
        {
            CheckCondition(condition, problems);
        }
    }

    private static void ExactlyOne(JsonElement statement, string name, string notName, Regex pattern, List<string> problems)
    {
        var present = new[] { name, notName }.Where(n => statement.TryGetProperty(n, out _)).ToList();
        if (present.Count != 1)
        {
            problems.Add($"a statement needs exactly one of {name} and {notName}");
            return;
        }

        var values = StringOrList(statement.GetProperty(present[0]));
        if (values is null || values.Count == 0)
        {
            problems.Add($"{present[0]} must be a string or a non-empty list of strings");
            return;
        }

        problems.AddRange(values.Where(v => !pattern.IsMatch(v)).Select(v => $"{present[0]} value '{v}' is malformed"));
    }

    private static void CheckCondition(JsonElement condition, List<string> problems)
    {
        if (condition.ValueKind != JsonValueKind.Object)
        {
            problems.Add("Condition must be an object of operators");
            return;
        }

        foreach (var op in condition.EnumerateObject())
        {
            if (!OperatorPattern().IsMatch(op.Name))
            {
                problems.Add($"condition operator {op.Name} is unknown");
            }

            if (op.Value.ValueKind != JsonValueKind.Object || !op.Value.EnumerateObject().Any())
            {
                problems.Add($"condition operator {op.Name} must map keys to values");
                continue;
            }

            foreach (var key in op.Value.EnumerateObject())
            {
                if (!ConditionKeyPattern().IsMatch(key.Name) || StringOrList(key.Value) is not { Count: > 0 })
                {
                    problems.Add($"condition key {key.Name} must be service:key with a string or list of strings");
                }
            }
        }
    }

    private static List<string>? StringOrList(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array when value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) => [.. value.EnumerateArray().Select(v => v.GetString()!)],
        _ => null,
    };

    [GeneratedRegex("^[A-Za-z0-9]+$")]
    private static partial Regex SidPattern();

    [GeneratedRegex(@"^(\*|[a-z0-9-]+:[A-Za-z0-9*]+)$")]
    private static partial Regex ActionPattern();

    [GeneratedRegex(@"^(\*|arn:[^:]+:[^:]*:[^:]*:[^:]*:.+)$")]
    private static partial Regex ResourcePattern();

    [GeneratedRegex(@"^(ForAllValues:|ForAnyValue:)?(String(Not)?Equals(IgnoreCase)?|String(Not)?Like|Arn(Not)?(Equals|Like)|Bool|Null|Numeric\w+|Date\w+|(Not)?IpAddress)(IfExists)?$")]
    private static partial Regex OperatorPattern();

    [GeneratedRegex(@"^[a-z0-9-]+:[A-Za-z0-9/:._@+=-]+$")]
    private static partial Regex ConditionKeyPattern();
}
