using System.Net;
using HsmBlueGreen.Aws.Http;

namespace HsmBlueGreen.Aws.Tests.Http;

public class AwsErrorMessagesTests
{
    [Fact]
    public void AccessDeniedNamesTheActionTheResourceAndTheRole()
    {
        var message = AwsErrorMessages.Describe(
            AwsService.Ssm,
            "SendCommand",
            "AccessDeniedException",
            "User: arn:aws:sts::111122223333:assumed-role/ops/bob is not authorized to perform: ssm:SendCommand on resource: arn:aws:ec2:eu-west-1:111122223333:instance/i-0123456789abcdef0 because no identity-based policy allows the ssm:SendCommand action",
            HttpStatusCode.BadRequest);

        Assert.Equal(
            "AWS denied ssm:SendCommand on arn:aws:ec2:eu-west-1:111122223333:instance/i-0123456789abcdef0 to arn:aws:sts::111122223333:assumed-role/ops/bob: allow that action on that resource in the role's policy, or run with a role that has it.",
            message);
    }

    [Fact]
    public void AccessDeniedWithoutDetailStillNamesTheAction() =>
        Assert.StartsWith("AWS denied cloudwatch:GetMetricData on the requested resource to the current credentials:", AwsErrorMessages.Describe(AwsService.CloudWatch, "GetMetricData", "AccessDenied", "denied", HttpStatusCode.Forbidden));

    [Fact]
    public void ExpiredCredentialsSayHowToRefreshThem() =>
        Assert.Contains("refresh them", AwsErrorMessages.Describe(AwsService.Sts, "GetCallerIdentity", "ExpiredToken", "The security token included in the request is expired", HttpStatusCode.Forbidden), StringComparison.Ordinal);

    [Fact]
    public void OtherErrorsNameActionCodeStatusAndMessage() =>
        Assert.Equal(
            "secretsmanager:PutSecretValue failed: ResourceExistsException (HTTP 400): You can't modify an existing version.",
            AwsErrorMessages.Describe(AwsService.SecretsManager, "PutSecretValue", "ResourceExistsException", "You can't modify\n an existing version.", HttpStatusCode.BadRequest));
}
