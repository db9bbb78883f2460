using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;

namespace HsmBlueGreen.Infra.Declarations;

/// <summary>
/// The slot's instances: one admin host and the application group. Both are private (no public address),
/// require IMDSv2, are managed through SSM, sit in the slot's client group and start only once the
/// cluster admits that group.
/// </summary>
internal static class HostDeclarations
{
    private static readonly InstanceMetadataOptions Imdsv2 = new("required", "enabled", 1);

    public static Resource AddAdminHost(DeclaredResources declarations, SlotParts parts, Resource profile)
    {
        var (settings, slot, cluster, network, _) = parts;
        var names = new SlotNames(slot.Color);
        return declarations.Add(
            names.AdminHost,
            new Ec2Instance(settings.AdminAmiId ?? settings.Clients.AmiId, settings.AdminInstanceType, settings.ClientSubnets.SubnetIds.First())
            {
                AssociatePublicIpAddress = false,
                IamInstanceProfile = profile.Output("name"),
                MetadataOptions = Imdsv2,
                VpcSecurityGroupIds = [network.ClientGroup.Output("id")],
                UserData = UserDataScripts.Admin(settings, slot, cluster),
                Tags = Tags.For(settings, slot.Color, names.AdminHost),
            },
            o => o with { DependsOn = [network.HsmIngress.Self] });
    }

    public static Resource AddAppGroup(DeclaredResources declarations, SlotParts parts, Resource profile, Resource targetGroup)
    {
        var (settings, slot, cluster, network, secret) = parts;
        var names = new SlotNames(slot.Color);
        var instanceTags = Tags.For(settings, slot.Color, names.AppGroup);
        var template = declarations.Add(
            names.LaunchTemplate,
            new LaunchTemplate($"hsm-blue-green-{settings.Stack}-{slot.Color.ToString().ToLowerInvariant()}-", settings.Clients.AmiId, settings.Clients.InstanceType)
            {
                IamInstanceProfile = new LaunchTemplateIamInstanceProfile(profile.Output("arn")),
                MetadataOptions = Imdsv2,
                NetworkInterfaces = [new LaunchTemplateNetworkInterface(0, "false", "true", [network.ClientGroup.Output("id")])],
                UserData = new Base64Text(UserDataScripts.Client(settings, slot, cluster, secret.Output("arn"))),
                UpdateDefaultVersion = true,
                Tags = Tags.For(settings, slot.Color, names.LaunchTemplate),
            });

        // Desired follows the slot's count (the slot about to be rotated runs no instance). The bounds leave hsm-rotate
        // room to act without a `pulumi up`: down to 0 to quiesce a slot, up to the largest count any slot runs so the
        // target can take all the traffic.
        var largest = Math.Max(1, settings.Slots.Values.Select(s => s.ClientCount).Append(settings.Clients.DefaultCount).Max());
        return declarations.Add(
            names.AppGroup,
            new AutoScalingGroup(0, largest)
            {
                DesiredCapacity = slot.ClientCount,
                VpcZoneIdentifiers = [.. settings.ClientSubnets.SubnetIds],
                LaunchTemplate = new GroupLaunchTemplate(template.Output("id"), template.Output("latestVersion")),
                TargetGroupArns = [targetGroup.Output("arn")],
                HealthCheckType = "ELB",
                HealthCheckGracePeriod = 300,
                Tags = [.. instanceTags.Select(t => new GroupTag(t.Key, t.Value, true))],
            },
            o => o with { DependsOn = [network.HsmIngress.Self] });
    }
}

/// <summary>What a slot's hosts are built from: its settings, its cluster, its network and its secret.</summary>
internal sealed record SlotParts(StackSettings Settings, SlotSettings Slot, ClusterResources Cluster, SlotNetwork Network, Resource Secret);
