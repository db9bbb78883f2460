using System.Text;
using System.Text.Json;

namespace HsmBlueGreen.Core.Policies;

public enum PolicyEffect
{
    Allow,
    Deny,
}

/// <summary>One condition: operator, key and the values any of which may match (e.g. StringEquals aws:ResourceTag/k = v).</summary>
public sealed record PolicyCondition(string Operator, string Key, IReadOnlyList<string> Values);

/// <summary>
/// One IAM statement. <paramref name="Actions"/> are written as NotAction when <paramref name="NotAction"/> is set.
/// Lists keep their order, so the same inputs always give the same text.
/// </summary>
public sealed record PolicyStatement(
    string Sid,
    PolicyEffect Effect,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Resources,
    IReadOnlyList<PolicyCondition>? Conditions = null,
    bool NotAction = false);

/// <summary>An IAM policy document (identity policy, permissions boundary or SCP), rendered as IAM JSON.</summary>
public sealed record PolicyDocument(IReadOnlyList<PolicyStatement> Statements)
{
    public const string Version = "2012-10-17";

    public IReadOnlySet<string> AllowedActions() => ActionsWith(PolicyEffect.Allow);

    public IReadOnlySet<string> DeniedActions() => ActionsWith(PolicyEffect.Deny);

    public string ToJson(bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            json.WriteStartObject();
            json.WriteString("Version", Version);
            json.WriteStartArray("Statement");
            foreach (var statement in Statements)
            {
                Write(json, statement);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private HashSet<string> ActionsWith(PolicyEffect effect) =>
        [.. Statements.Where(s => s.Effect == effect && !s.NotAction).SelectMany(s => s.Actions)];

    private static void Write(Utf8JsonWriter json, PolicyStatement statement)
    {
        json.WriteStartObject();
        json.WriteString("Sid", statement.Sid);
        json.WriteString("Effect", statement.Effect.ToString());
        WriteOneOrMany(json, statement.NotAction ? "NotAction" : "Action", statement.Actions);
        WriteOneOrMany(json, "Resource", statement.Resources);
        if (statement.Conditions is { Count: > 0 } conditions)
        {
            json.WriteStartObject("Condition");
            foreach (var byOperator in conditions.GroupBy(c => c.Operator, StringComparer.Ordinal))
            {
                json.WriteStartObject(byOperator.Key);
                foreach (var condition in byOperator)
                {
                    WriteOneOrMany(json, condition.Key, condition.Values);
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteOneOrMany(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 1)
        {
            json.WriteString(name, values[0]);
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
