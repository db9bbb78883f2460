using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HsmBlueGreen.Core.Audit;

/// <summary>The audit's findings for people (aligned text, the fix under each check not passed) and for CI (JSON).</summary>
public sealed record AuditReport(string Stack, string Region, IReadOnlyList<AuditFinding> Findings)
{
    public bool AnyFailed => Findings.Any(f => f.Outcome == AuditOutcome.Fail);

    /// <summary>No check could tell pass from fail: the audit verified nothing, which must not read as a clean account.</summary>
    public bool NothingVerified => Findings.All(f => f.Outcome == AuditOutcome.CannotTell);

    public static string Label(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Pass => "pass",
        AuditOutcome.Fail => "fail",
        _ => "cannot-tell",
    };

    public string ToText()
    {
        var text = new StringBuilder().Append("audit of stack ").Append(Stack).Append(" in ").Append(Region).Append('\n');
        foreach (var finding in Findings)
        {
            text.Append(Label(finding.Outcome).ToUpperInvariant().PadRight(12)).Append(finding.Check.PadRight(24)).Append(finding.Title).Append('\n');
            foreach (var part in finding.Evidence.Split("; "))
            {
                text.Append(' ', 12).Append(part).Append('\n');
            }

            if (finding.Outcome != AuditOutcome.Pass)
            {
                text.Append(' ', 12).Append("fix: ").Append(finding.Fix).Append('\n');
            }
        }

        return text.Append(Summary()).Append('\n').ToString();
    }

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        // Evidence and fixes quote commands in backticks; the default encoder would write them as \u0060. No HTML
        // page embeds this output, so the relaxed encoder (which still escapes quotes, backslashes and controls) fits.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("stack", Stack);
            json.WriteString("region", Region);
            json.WriteBoolean("failed", AnyFailed);
            json.WriteStartArray("checks");
            foreach (var finding in Findings)
            {
                json.WriteStartObject();
                json.WriteString("id", finding.Check);
                json.WriteString("title", finding.Title);
                json.WriteString("outcome", Label(finding.Outcome));
                json.WriteString("evidence", finding.Evidence);
                json.WriteString("fix", finding.Fix);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private string Summary()
    {
        int Count(AuditOutcome outcome) => Findings.Count(f => f.Outcome == outcome);
        return $"{Count(AuditOutcome.Pass)} passed, {Count(AuditOutcome.Fail)} failed, {Count(AuditOutcome.CannotTell)} cannot tell";
    }
}
