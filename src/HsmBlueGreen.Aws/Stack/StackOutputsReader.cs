using System.Text.Json;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Aws.Stack;

/// <summary>Reads `pulumi stack output --json` by the names in <see cref="StackOutputNames"/>; a slot is present when its cluster id is.</summary>
public static class StackOutputsReader
{
    public static StackOutputs Read(string stack, JsonElement outputs)
    {
        if (outputs.ValueKind != JsonValueKind.Object)
        {
            throw new PulumiCommandException($"stack {stack} has no outputs object; run `pulumi up --stack {stack}` first.");
        }

        var slots = new Dictionary<Color, SlotOutputs>();
        foreach (var color in Enum.GetValues<Color>())
        {
            if (Optional(outputs, StackOutputNames.ClusterId(color)) is null)
            {
                continue;
            }

            slots[color] = new SlotOutputs(
                Required(stack, outputs, StackOutputNames.ClusterId(color)),
                Required(stack, outputs, StackOutputNames.ClusterSecurityGroupId(color)),
                Required(stack, outputs, StackOutputNames.TargetGroupArn(color)),
                Required(stack, outputs, StackOutputNames.AppGroupName(color)),
                Required(stack, outputs, StackOutputNames.SecretArn(color)),
                Required(stack, outputs, StackOutputNames.AdminInstanceId(color)));
        }

        return new StackOutputs(
            Required(stack, outputs, StackOutputNames.LoadBalancerArn),
            Required(stack, outputs, StackOutputNames.ListenerArn),
            Required(stack, outputs, StackOutputNames.AlbDnsName),
            slots);
    }

    private static string? Optional(JsonElement outputs, string name) =>
        outputs.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0 ? value.GetString() : null;

    private static string Required(string stack, JsonElement outputs, string name) =>
        Optional(outputs, name) ?? throw new PulumiCommandException(
            $"stack {stack} has no output '{name}'; run `pulumi up --stack {stack}` so the stack declares it (see `pulumi stack output --stack {stack}`).");
}
