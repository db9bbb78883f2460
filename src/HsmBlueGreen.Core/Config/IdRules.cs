using System.Text.RegularExpressions;

namespace HsmBlueGreen.Core.Config;

/// <summary>The shapes of the AWS identifiers a stack names, with an example for the fix text.</summary>
public sealed partial record IdRule(string Description, Regex Pattern, string Example)
{
    public static readonly IdRule Vpc = new("a VPC id (vpc- and 8 or 17 hex digits)", VpcPattern(), "vpc-0a1b2c3d4e5f67890");
    public static readonly IdRule Subnet = new("a subnet id (subnet- and 8 or 17 hex digits)", SubnetPattern(), "subnet-0a1b2c3d4e5f67890");
    public static readonly IdRule Cluster = new("a CloudHSM cluster id (cluster- and 11-16 letters or digits 2-7)", ClusterPattern(), "cluster-jxhlf7644ne");
    public static readonly IdRule Backup = new("a CloudHSM backup id (backup- and 11-16 letters or digits 2-7)", BackupPattern(), "backup-rtq2dwi2gq6");
    public static readonly IdRule Ami = new("an AMI id (ami- and 8 or 17 hex digits)", AmiPattern(), "ami-0a1b2c3d4e5f67890");
    public static readonly IdRule CertificateArn = new("an ACM or IAM certificate ARN", CertificateArnPattern(), "arn:aws:acm:us-east-1:123456789012:certificate/1f2e3d4c-5b6a-7980-a1b2-c3d4e5f60718");
    public static readonly IdRule AvailabilityZone = new("an availability zone name", AzPattern(), "us-east-1a");
    public static readonly IdRule CryptoUser = new("a CloudHSM user name (1-31 letters, digits or '_')", CryptoUserPattern(), "app_cu");
    public static readonly IdRule HsmType = new("an HSM type", HsmTypePattern(), "hsm2m.medium");
    public static readonly IdRule InstanceType = new("an EC2 instance type", InstanceTypePattern(), "t3.small");
    public static readonly IdRule SsmParameterName = new("an SSM parameter name", SsmParameterPattern(), "/hsm-blue-green/customerCA.crt");
    public static readonly IdRule Email = new("an email address", EmailPattern(), "hsm-alerts@example.com");
    public static readonly IdRule UrlPath = new("an absolute URL path", UrlPathPattern(), "/health");
    public static readonly IdRule StackName = new("a Pulumi stack name (letters, digits, '_', '.', '-')", StackNamePattern(), "prod");
    public static readonly IdRule IamRoleName = new("an IAM role name (1-64 letters, digits or +=,.@_-)", IamRoleNamePattern(), "hsm-break-glass");
    public static readonly IdRule KeyLabel = new("a key label (1-127 letters, digits or '_', '-', '.', '/', ':')", KeyLabelPattern(), "app-signing-key");

    public bool Matches(string value) => Pattern.IsMatch(value);

    [GeneratedRegex("^vpc-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex VpcPattern();

    [GeneratedRegex("^subnet-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex SubnetPattern();

    [GeneratedRegex("^cluster-[2-7a-zA-Z]{11,16}$")]
    private static partial Regex ClusterPattern();

    [GeneratedRegex("^backup-[2-7a-zA-Z]{11,16}$")]
    private static partial Regex BackupPattern();

    [GeneratedRegex("^ami-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex AmiPattern();

    [GeneratedRegex("^arn:aws(-[a-z]+)*:(acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]{36}|iam::[0-9]{12}:server-certificate/.+)$")]
    private static partial Regex CertificateArnPattern();

    [GeneratedRegex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]+[a-z]$")]
    private static partial Regex AzPattern();

    // Labels go into a cloudhsm-cli filter on the admin host: no quotes, spaces or shell characters.
    [GeneratedRegex("^[A-Za-z0-9_.:/-]{1,127}$")]
    private static partial Regex KeyLabelPattern();

    [GeneratedRegex("^[A-Za-z0-9_]{1,31}$")]
    private static partial Regex CryptoUserPattern();

    [GeneratedRegex(@"^(p|)hsm[0-9][a-z.]*\.[a-zA-Z]+$")]
    private static partial Regex HsmTypePattern();

    [GeneratedRegex(@"^[a-z][a-z0-9-]*\.[a-z0-9]+$")]
    private static partial Regex InstanceTypePattern();

    [GeneratedRegex(@"^/?[a-zA-Z0-9_.\-/]{1,1011}$")]
    private static partial Regex SsmParameterPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^/[\x21-\x7e]{0,1023}$")]
    private static partial Regex UrlPathPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex StackNamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9+=,.@_-]{1,64}$")]
    private static partial Regex IamRoleNamePattern();
}
