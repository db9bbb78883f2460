using System.Text.Json.Serialization;

namespace HsmBlueGreen.Infra.Model.Aws;

/// <summary>aws:ec2:Instance: the slot's admin host. <see cref="UserData"/> is plain text here (AWS encodes it).</summary>
public sealed record Ec2Instance(string Ami, string InstanceType, string SubnetId) : AwsResource
{
    public const string Token = "aws:ec2:Instance";

    [JsonIgnore]
    public override string Type => Token;

    public bool? AssociatePublicIpAddress { get; init; }

    public string? IamInstanceProfile { get; init; }

    public InstanceMetadataOptions? MetadataOptions { get; init; }

    public IReadOnlyList<string>? VpcSecurityGroupIds { get; init; }

    public string? UserData { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>InstanceMetadataOptionsArgs and LaunchTemplateMetadataOptionsArgs (same names): httpTokens "required" is IMDSv2.</summary>
public sealed record InstanceMetadataOptions(string HttpTokens, string HttpEndpoint, int HttpPutResponseHopLimit);

/// <summary>aws:ec2:LaunchTemplate: how every application client of a slot starts.</summary>
public sealed record LaunchTemplate(string NamePrefix, string ImageId, string InstanceType) : AwsResource
{
    public const string Token = "aws:ec2:LaunchTemplate";

    [JsonIgnore]
    public override string Type => Token;

    public LaunchTemplateIamInstanceProfile? IamInstanceProfile { get; init; }

    public InstanceMetadataOptions? MetadataOptions { get; init; }

    public IReadOnlyList<LaunchTemplateNetworkInterface>? NetworkInterfaces { get; init; }

    /// <summary>Must be base64 on the wire, hence a typed call rather than a string.</summary>
    public Base64Text? UserData { get; init; }

    public bool? UpdateDefaultVersion { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed record LaunchTemplateIamInstanceProfile(string Arn);

/// <summary>LaunchTemplateNetworkInterfaceArgs: its booleans are strings on the wire ("true"/"false").</summary>
public sealed record LaunchTemplateNetworkInterface(int DeviceIndex, string AssociatePublicIpAddress, string DeleteOnTermination, IReadOnlyList<string> SecurityGroups);

/// <summary>aws:autoscaling:Group: the slot's application clients, registered in its target group.</summary>
public sealed record AutoScalingGroup(int MinSize, int MaxSize) : AwsResource
{
    public const string Token = "aws:autoscaling:Group";

    [JsonIgnore]
    public override string Type => Token;

    public int? DesiredCapacity { get; init; }

    public IReadOnlyList<string>? VpcZoneIdentifiers { get; init; }

    public GroupLaunchTemplate? LaunchTemplate { get; init; }

    public IReadOnlyList<string>? TargetGroupArns { get; init; }

    public string? HealthCheckType { get; init; }

    public int? HealthCheckGracePeriod { get; init; }

    public IReadOnlyList<GroupTag>? Tags { get; init; }
}

public sealed record GroupLaunchTemplate(string Id, string Version);

/// <summary>GroupTagArgs: auto scaling tags are a list, not a map.</summary>
public sealed record GroupTag(string Key, string Value, bool PropagateAtLaunch);
