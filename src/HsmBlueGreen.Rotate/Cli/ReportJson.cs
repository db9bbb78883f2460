using System.Text.Json;
using System.Text.Json.Serialization;

namespace HsmBlueGreen.Rotate.Cli;

/// <summary>
/// --json documents of the verbs that report once rather than as events (plan, guardrails, mfa verify): one object with
/// a "kind", web defaults (camelCase), nulls left out. Source-generated, so hsm-rotate stays reflection-free for NativeAOT.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PlanJson))]
[JsonSerializable(typeof(GuardrailsJson))]
[JsonSerializable(typeof(MfaVerifyJson))]
internal sealed partial class ReportJson : JsonSerializerContext;

/// <summary>`plan --json`: the steps a run would take, what each reads and changes, and the time estimate.</summary>
internal sealed record PlanJson(
    string Kind,
    string Stack,
    string Strategy,
    string Source,
    string Target,
    IReadOnlyList<PlanStepJson> Steps,
    int TypicalSeconds,
    int AtMostSeconds);

internal sealed record PlanStepJson(int Index, string Name, string Phase, string Title, IReadOnlyList<string> Reads, IReadOnlyList<string> Changes, string? Operator, int EstimateSeconds);

/// <summary>`guardrails --json`: both documents as JSON, not as strings holding JSON.</summary>
internal sealed record GuardrailsJson(string Kind, string Stack, string BreakGlassRole, JsonElement ServiceControlPolicy, JsonElement PermissionsBoundary);

/// <summary>`mfa verify --json`: one entry per HSM's signature and the verdict.</summary>
internal sealed record MfaVerifyJson(string Kind, string File, string PublicKey, IReadOnlyList<MfaCheckJson> Checks, bool Verified);

internal sealed record MfaCheckJson(string Label, bool Passed, string Detail);
