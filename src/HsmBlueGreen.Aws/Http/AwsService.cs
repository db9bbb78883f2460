namespace HsmBlueGreen.Aws.Http;

public enum AwsProtocol
{
    Json11,
    Query,

    /// <summary>EC2's variant of Query: lists as "Name.N", answers without a Result wrapper, list items as &lt;item&gt;.</summary>
    Ec2,
}

/// <summary>
/// One AWS service as our clients speak to it: the names its endpoint, signature and endpoint override
/// variable use, taken from the service's model metadata (endpointPrefix, signingName, targetPrefix, sdkId).
/// </summary>
public sealed record AwsService(
    string EnvironmentSuffix,
    string EndpointPrefix,
    string SigningName,
    AwsProtocol Protocol,
    string ApiVersion,
    string? TargetPrefix = null)
{
    public static readonly AwsService CloudHsm = new("CLOUDHSM_V2", "cloudhsmv2", "cloudhsm", AwsProtocol.Json11, "2017-04-28", "BaldrApiService");
    public static readonly AwsService ElasticLoadBalancing = new("ELASTIC_LOAD_BALANCING_V2", "elasticloadbalancing", "elasticloadbalancing", AwsProtocol.Query, "2015-12-01");
    public static readonly AwsService SecretsManager = new("SECRETS_MANAGER", "secretsmanager", "secretsmanager", AwsProtocol.Json11, "2017-10-17", "secretsmanager");
    public static readonly AwsService Ssm = new("SSM", "ssm", "ssm", AwsProtocol.Json11, "2014-11-06", "AmazonSSM");
    public static readonly AwsService AutoScaling = new("AUTO_SCALING", "autoscaling", "autoscaling", AwsProtocol.Query, "2011-01-01");
    public static readonly AwsService CloudWatch = new("CLOUDWATCH", "monitoring", "monitoring", AwsProtocol.Query, "2010-08-01");
    public static readonly AwsService Sts = new("STS", "sts", "sts", AwsProtocol.Query, "2011-06-15");
    public static readonly AwsService Ec2 = new("EC2", "ec2", "ec2", AwsProtocol.Ec2, "2016-11-15");
    public static readonly AwsService EventBridge = new("EVENTBRIDGE", "events", "events", AwsProtocol.Json11, "2015-10-07", "AWSEvents");
    public static readonly AwsService Sns = new("SNS", "sns", "sns", AwsProtocol.Query, "2010-03-31");
    public static readonly AwsService CloudTrail = new("CLOUDTRAIL", "cloudtrail", "cloudtrail", AwsProtocol.Json11, "2013-11-01", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101");

    /// <summary>The IAM action prefix, used to name the denied action in access errors.</summary>
    public string IamPrefix => SigningName switch
    {
        "elasticloadbalancing" => "elasticloadbalancing",
        "monitoring" => "cloudwatch",
        _ => SigningName,
    };
}
