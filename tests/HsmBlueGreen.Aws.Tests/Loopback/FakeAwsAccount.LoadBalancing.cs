using System.Text.Json.Nodes;

namespace HsmBlueGreen.Aws.Tests.Loopback;

public sealed record FakeTarget(string Id, string State, string? Reason = null);

/// <summary>
/// ELBv2: one or more listeners whose default action forwards to weighted target groups (weights 0-999), listener
/// rules forwarding to a group, and target health. A group that no default action or rule forwards to reports its
/// targets `unused` / Target.NotInUse (TargetHealth, ELB API reference), and the first DescribeListeners after a
/// ModifyListener may still show the previous forward action (eventual consistency, <see cref="ListenerReadLag"/>).
/// </summary>
public sealed partial class FakeAwsAccount
{
    private readonly Dictionary<string, (List<(string Arn, int Weight)> Weights, int? Stickiness)> listeners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ((List<(string Arn, int Weight)> Weights, int? Stickiness) Previous, int Reads)> staleListeners = new(StringComparer.Ordinal);
    private readonly List<(string ListenerArn, string TargetGroupArn)> listenerRules = [];
    private readonly Dictionary<string, List<FakeTarget>> targetGroups = new(StringComparer.Ordinal);

    /// <summary>How many DescribeListeners after a ModifyListener still show the previous forward action.</summary>
    public int ListenerReadLag { get; set; } = 1;

    /// <summary>A listener rule (e.g. a slot's test route) forwarding to one target group, as the stack declares it.</summary>
    public FakeAwsAccount AddListenerRule(string listenerArn, string targetGroupArn)
    {
        lock (gate)
        {
            listenerRules.Add((listenerArn, targetGroupArn));
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
        var (weights, stickiness) = action;
        var sticky = new JsonObject { ["Enabled"] = stickiness is not null };
        if (stickiness is { } seconds)
        {
            sticky["DurationSeconds"] = seconds;
        }

        return new JsonObject
        {
            ["ListenerArn"] = arn,
            ["Port"] = 443,
            ["Protocol"] = "HTTPS",
            ["DefaultActions"] = new JsonArray(new JsonObject
            {
                ["Type"] = "forward",
                ["ForwardConfig"] = new JsonObject
                {
                    ["TargetGroups"] = new JsonArray([.. weights.Select(w => (JsonNode)new JsonObject { ["TargetGroupArn"] = w.Arn, ["Weight"] = w.Weight })]),
                    ["TargetGroupStickinessConfig"] = sticky,
                },
            }),
        };
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
