using System.Text.Json.Nodes;

namespace HsmBlueGreen.Aws.Tests.Loopback;

public sealed record FakeGroup(string Name, int MinSize, int MaxSize, int Desired, IReadOnlyList<string> InstanceStates);

/// <summary>Auto Scaling: groups whose desired capacity SetDesiredCapacity changes (instances follow only when a test says so).</summary>
public sealed partial class FakeAwsAccount
{
    private readonly Dictionary<string, FakeGroup> groups = new(StringComparer.Ordinal);

    public FakeAwsAccount AddGroup(FakeGroup group)
    {
        lock (gate)
        {
            groups[group.Name] = group;
        }

        return this;
    }

    public FakeGroup Group(string name)
    {
        lock (gate)
        {
            return groups[name];
        }
    }

    private JsonObject DescribeAutoScalingGroups(JsonObject input)
    {
        var names = Strings(input["AutoScalingGroupNames"]).ToList();
        var found = groups.Values.Where(g => names.Count == 0 || names.Contains(g.Name));
        return new JsonObject
        {
            ["AutoScalingGroups"] = new JsonArray([.. found.Select(g => (JsonNode)new JsonObject
            {
                ["AutoScalingGroupName"] = g.Name,
                ["MinSize"] = g.MinSize,
                ["MaxSize"] = g.MaxSize,
                ["DesiredCapacity"] = g.Desired,
                ["DefaultCooldown"] = 300,
                ["AvailabilityZones"] = new JsonArray("eu-west-1a", "eu-west-1b"),
                ["HealthCheckType"] = "ELB",
                ["CreatedTime"] = Epoch(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
                ["Instances"] = new JsonArray([.. g.InstanceStates.Select((state, i) => (JsonNode)new JsonObject
                {
                    ["InstanceId"] = $"i-{i:D17}", ["AvailabilityZone"] = "eu-west-1a", ["LifecycleState"] = state,
                    ["HealthStatus"] = "Healthy", ["ProtectedFromScaleIn"] = false,
                })]),
            })]),
        };
    }

    private JsonObject? SetDesiredCapacity(JsonObject input)
    {
        var name = Str(input, "AutoScalingGroupName");
        var desired = Int(input["DesiredCapacity"]);
        if (!groups.TryGetValue(name, out var group))
        {
            throw AwsFault.Invalid("ValidationError", $"AutoScalingGroup name not found - no such group: {name}");
        }

        if (desired < group.MinSize || desired > group.MaxSize)
        {
            throw AwsFault.Invalid("ValidationError", $"New SetDesiredCapacity value {desired} is outside the group's bounds [{group.MinSize}, {group.MaxSize}].");
        }

        groups[name] = group with { Desired = desired };
        return null;
    }
}
