using System.Text.Json.Serialization;

namespace HsmBlueGreen.Infra.Model.Aws;

/// <summary>aws:cloudhsmv2:Cluster. With <see cref="SourceBackupIdentifier"/> it is restored from that backup.</summary>
public sealed record CloudHsmCluster(string HsmType, IReadOnlyList<string> SubnetIds) : AwsResource
{
    public const string Token = "aws:cloudhsmv2:Cluster";

    [JsonIgnore]
    public override string Type => Token;

    public string? SourceBackupIdentifier { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>aws:cloudhsmv2:Hsm: one HSM of a cluster, in one subnet (so in one availability zone).</summary>
public sealed record CloudHsmHsm(string ClusterId) : AwsResource
{
    public const string Token = "aws:cloudhsmv2:Hsm";

    [JsonIgnore]
    public override string Type => Token;

    public string? SubnetId { get; init; }

    public string? AvailabilityZone { get; init; }
}
