using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Policies;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Events;

/// <summary>The default event bus's rules with their targets (ListRules, then ListTargetsByRule per rule), following NextToken.</summary>
public sealed class EventBridgeRules(AwsTransport transport)
{
    private readonly JsonProtocolClient client = new(transport, AwsService.EventBridge);

    public async Task<IReadOnlyList<AlertRuleInfo>> ListAsync(CancellationToken cancellationToken)
    {
        var rules = new List<AlertRuleInfo>();
        string? token = null;
        do
        {
            var page = await client.CallAsync<ListRulesRequest, ListRulesResponse>(OperationCatalogue.Events.ListRules, new(token), cancellationToken).ConfigureAwait(false);
            foreach (var rule in (page.Rules ?? []).Where(r => r.Name is not null))
            {
                var targets = await TargetsAsync(rule.Name!, cancellationToken).ConfigureAwait(false);
                rules.Add(new AlertRuleInfo(rule.Name!, string.Equals(rule.State, "ENABLED", StringComparison.Ordinal), rule.EventPattern, targets));
            }

            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
        return rules;
    }

    private async Task<IReadOnlyList<string>> TargetsAsync(string rule, CancellationToken cancellationToken)
    {
        var arns = new List<string>();
        string? token = null;
        do
        {
            var page = await client.CallAsync<ListTargetsByRuleRequest, ListTargetsByRuleResponse>(OperationCatalogue.Events.ListTargetsByRule, new(rule, token), cancellationToken).ConfigureAwait(false);
            arns.AddRange((page.Targets ?? []).Select(t => t.Arn).OfType<string>());
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
        return arns;
    }
}

internal sealed record ListRulesRequest(string? NextToken);

internal sealed record ListRulesResponse(List<RuleDto>? Rules, string? NextToken);

internal sealed record RuleDto(string? Name, string? State, string? EventPattern);

internal sealed record ListTargetsByRuleRequest(string Rule, string? NextToken);

internal sealed record ListTargetsByRuleResponse(List<TargetDto>? Targets, string? NextToken);

internal sealed record TargetDto(string? Id, string? Arn);
