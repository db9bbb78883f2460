using System.Text.Json.Nodes;

namespace HsmBlueGreen.Aws.Tests.Loopback;

public sealed record FakeTarget(string Id, string State, string? Reason = null);

public sealed record FakeListenerRule(string ListenerArn, string TargetGroupArn, string HeaderName, string HeaderValue, int Priority);

/// <summary>
/// ELBv2: one or more listeners whose default action forwards to weighted target groups (weights 0-999), listener
/// rules forwarding to a group, and target health. A group that no default action or rule forwards to reports its
/// targets `unused` / Target.NotInUse (TargetHealth, ELB API reference), and the first DescribeListeners after a
/// ModifyListener may still show the previous forward action (eventual consistency, <see cref="ListenerReadLag"/>).
/// DescribeRules lists a listener's rules by priority and then its default rule (IsDefault, Priority "default").
/// </summary>
public sealed partial class FakeAwsAccount
{
    private readonly Dictionary<string, (List<(string Arn, int Weight)> Weights, int? Stickiness)> listeners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ((List<(string Arn, int Weight)> Weights, int? Stickiness) Previous, int Reads)> staleListeners = new(StringComparer.Ordinal);
    private readonly List<FakeListenerRule> listenerRules = [];
    private readonly Dictionary<string, List<FakeTarget>> targetGroups = new(StringComparer.Ordinal);

    /// <summary>How many DescribeListeners after a ModifyListener still show the previous forward action.</summary>
    public int ListenerReadLag { get; set; } = 1;

    /// <summary>How many rules one DescribeRules page holds when the request gives no PageSize (then NextMarker follows).</summary>
    public int RulesPageSize { get; set; } = 400;

    /// <summary>
    /// A listener rule forwarding to one target group when one request header has one value (e.g. a slot's test
    /// route), as the stack declares it; priorities follow the order the rules are added.
    /// </summary>
    public FakeAwsAccount AddListenerRule(string listenerArn, string targetGroupArn, string headerName, string headerValue)
    {
        lock (gate)
        {
            listenerRules.Add(new(listenerArn, targetGroupArn, headerName, headerValue, 10 * (listenerRules.Count(r => r.ListenerArn == listenerArn) + 1)));
        }

        return this;
    }

    public FakeAwsAccount AddListener(string listenerArn, params (string TargetGroupArn, int Weight)[] weights)
    {
        lock (gate)
        {
            listeners[listenerArn] = ([.. weights], null);
        }

        return this;
    }

    public FakeAwsAccount SetTargets(string targetGroupArn, params FakeTarget[] targets)
    {
        lock (gate)
        {
            targetGroups[targetGroupArn] = [.. targets];
        }

        return this;
    }

    /// <summary>The listener's weights as the last ModifyListener left them.</summary>
    public IReadOnlyList<(string TargetGroupArn, int Weight)> WeightsOf(string listenerArn)
    {
        lock (gate)
        {
            return [.. listeners[listenerArn].Weights];
        }
    }

    public int? StickinessOf(string listenerArn)
    {
        lock (gate)
        {
            return listeners[listenerArn].Stickiness;
        }
    }

    private JsonObject DescribeListeners(JsonObject input)
    {
        var arns = Strings(input["ListenerArns"]).ToList();
        var missing = arns.FirstOrDefault(a => !listeners.ContainsKey(a));
        if (missing is not null)
        {
            throw AwsFault.NotFound("ListenerNotFound", $"One or more listeners not found: {missing}");
        }

        return new JsonObject { ["Listeners"] = new JsonArray([.. arns.Select(arn => (JsonNode)Listener(arn, StaleRead(arn)))]) };
    }

    /// <summary>The forward action a read shows: the previous one while the last change has not reached every reader.</summary>
    private (List<(string Arn, int Weight)> Weights, int? Stickiness) StaleRead(string arn)
    {
        if (!staleListeners.TryGetValue(arn, out var stale))
        {
            return listeners[arn];
        }

        if (stale.Reads + 1 >= ListenerReadLag)
        {
            staleListeners.Remove(arn);
        }
        else
        {
            staleListeners[arn] = (stale.Previous, stale.Reads + 1);
        }

        return stale.Previous;
    }

    private JsonObject Listener(string arn, (List<(string Arn, int Weight)> Weights, int? Stickiness) action)
    {
        return new JsonObject
        {
            ["ListenerArn"] = arn,
            ["Port"] = 443,
            ["Protocol"] = "HTTPS",
            ["DefaultActions"] = new JsonArray(Forward(action)),
        };
    }

    private static JsonObject Forward((List<(string Arn, int Weight)> Weights, int? Stickiness) action)
    {
        var (weights, stickiness) = action;
        var sticky = new JsonObject { ["Enabled"] = stickiness is not null };
        if (stickiness is { } seconds)
        {
            sticky["DurationSeconds"] = seconds;
        }

        return new JsonObject
        {
            ["Type"] = "forward",
            ["ForwardConfig"] = new JsonObject
            {
                ["TargetGroups"] = new JsonArray([.. weights.Select(w => (JsonNode)new JsonObject { ["TargetGroupArn"] = w.Arn, ["Weight"] = w.Weight })]),
                ["TargetGroupStickinessConfig"] = sticky,
            },
        };
    }

    /// <summary>
    /// The listener's rules by priority, then its default rule. A rule forwarding to one group shows it both as
    /// TargetGroupArn and as the single weighted group of ForwardConfig; an http-header condition carries its header in
    /// HttpHeaderConfig (the legacy Values list is only for host-header and path-pattern).
    /// </summary>
    private JsonObject DescribeRules(JsonObject input)
    {
        var arn = Str(input, "ListenerArn");
        if (!listeners.TryGetValue(arn, out var listener))
        {
            throw AwsFault.NotFound("ListenerNotFound", $"Listener '{arn}' not found");
        }

        var rules = listenerRules.Where(r => r.ListenerArn == arn).OrderBy(r => r.Priority).Select(r =>
        {
            var forward = Forward(([(r.TargetGroupArn, 1)], null));
            forward["TargetGroupArn"] = r.TargetGroupArn;
            return new JsonObject
            {
                ["RuleArn"] = $"{arn.Replace(":listener/", ":listener-rule/", StringComparison.Ordinal)}/{r.Priority}",
                ["Priority"] = r.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Conditions"] = new JsonArray(new JsonObject
                {
                    ["Field"] = "http-header",
                    ["HttpHeaderConfig"] = new JsonObject { ["HttpHeaderName"] = r.HeaderName, ["Values"] = new JsonArray(r.HeaderValue) },
                }),
                ["Actions"] = new JsonArray(forward),
                ["IsDefault"] = false,
            };
        }).ToList();
        rules.Add(new JsonObject
        {
            ["RuleArn"] = $"{arn.Replace(":listener/", ":listener-rule/", StringComparison.Ordinal)}/default",
            ["Priority"] = "default",
            ["Conditions"] = new JsonArray(),
            ["Actions"] = new JsonArray(Forward(listener)),
            ["IsDefault"] = true,
        });
        var size = input["PageSize"] is { } p ? Int(p) : RulesPageSize;
        var start = OptStr(input, "Marker") is { } marker ? int.Parse(marker, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var next = start + size < rules.Count ? (start + size).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        return new JsonObject { ["Rules"] = new JsonArray([.. rules.Skip(start).Take(size)]) }.WithOptional("NextMarker", next);
    }

    private JsonObject ModifyListener(JsonObject input)
    {
        var arn = Str(input, "ListenerArn");
        if (!listeners.ContainsKey(arn))
        {
            throw AwsFault.NotFound("ListenerNotFound", $"Listener '{arn}' not found");
        }

        var forward = input["DefaultActions"]?.AsArray().Select(a => a!.AsObject()).FirstOrDefault(a => Str(a, "Type") == "forward")?["ForwardConfig"];
        var weights = forward?["TargetGroups"]?.AsArray().Select(t => (Str(t!.AsObject(), "TargetGroupArn"), t["Weight"] is { } w ? Int(w) : 1)).ToList() ?? [];
        var outOfRange = weights.FirstOrDefault(w => w.Item2 is < 0 or > 999);
        if (outOfRange.Item1 is not null)
        {
            throw AwsFault.Invalid("ValidationError", $"Target group weight '{outOfRange.Item2}' must be between 0 and 999");
        }

        var unknown = weights.FirstOrDefault(w => !targetGroups.ContainsKey(w.Item1));
        if (unknown.Item1 is not null)
        {
            throw AwsFault.NotFound("TargetGroupNotFound", $"Target group '{unknown.Item1}' not found");
        }

        var sticky = forward?["TargetGroupStickinessConfig"];
        int? seconds = sticky?["Enabled"]?.GetValue<bool>() == true ? (sticky["DurationSeconds"] is { } d ? Int(d) : null) : null;
        if (sticky?["Enabled"]?.GetValue<bool>() == true && seconds is null)
        {
            throw AwsFault.Invalid("ValidationError", "DurationSeconds is required when stickiness is enabled");
        }

        if (ListenerReadLag > 0)
        {
            staleListeners[arn] = (listeners[arn], 0);
        }

        listeners[arn] = (weights, seconds);
        return new JsonObject { ["Listeners"] = new JsonArray(Listener(arn, listeners[arn])) };
    }

    private JsonObject DescribeTargetHealth(JsonObject input)
    {
        var arn = Str(input, "TargetGroupArn");
        if (!targetGroups.TryGetValue(arn, out var targets))
        {
            throw AwsFault.NotFound("TargetGroupNotFound", $"Target groups '{arn}' not found");
        }

        var inUse = listeners.Values.Any(l => l.Weights.Any(w => w.Arn == arn)) || listenerRules.Any(r => r.TargetGroupArn == arn);
        if (!inUse)
        {
            targets = [.. targets.Select(t => t with { State = "unused", Reason = "Target.NotInUse" })];
        }

        return new JsonObject
        {
            ["TargetHealthDescriptions"] = new JsonArray([.. targets.Select(t => (JsonNode)new JsonObject
            {
                ["Target"] = new JsonObject { ["Id"] = t.Id, ["Port"] = 8080 },
                ["HealthCheckPort"] = "8080",
                ["TargetHealth"] = new JsonObject { ["State"] = t.State }.WithOptional("Reason", t.Reason),
            })]),
        };
    }
}
