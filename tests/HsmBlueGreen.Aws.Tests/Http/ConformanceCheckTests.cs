using System.Text;
using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Core.Policies;

namespace HsmBlueGreen.Aws.Tests.Http;

/// <summary>The loopback server's checks can fail: requests that break the model are refused and listed.</summary>
public class ConformanceCheckTests
{
    private static async Task<IReadOnlyList<string>> SendAsync(AwsService service, AwsRequestBody body)
    {
        await using var aws = LoopbackHarness.Start();
        try
        {
            await aws.Transport.SendAsync(service, OperationCatalogue.All.First(o => o.Service == service.IamPrefix), body, idempotent: false, CancellationToken.None);
        }
        catch (AwsApiException ex) when (ex.IsCode("ModelViolation"))
        {
            // Expected: the server refuses what the model does not allow.
        }

        return aws.Server.Violations;
    }

    [Fact]
    public async Task AnUnknownMemberIsAViolation()
    {
        var violations = await SendAsync(AwsService.SecretsManager, AwsRequestBody.Of("{\"SecretId\":\"s\",\"Colour\":\"blue\"}", "application/x-amz-json-1.1", "secretsmanager.DescribeSecret"));

        Assert.Contains("secretsmanager.DescribeSecret: $.Colour is not a member of DescribeSecretRequest", violations);
    }

    [Fact]
    public async Task AMissingRequiredMemberIsAViolation()
    {
        var violations = await SendAsync(AwsService.Ssm, AwsRequestBody.Of("{\"InstanceId\":\"i-0abcdef1234567890\"}", "application/x-amz-json-1.1", "AmazonSSM.GetCommandInvocation"));

        Assert.Contains("ssm.GetCommandInvocation: $.CommandId is required by GetCommandInvocationRequest", violations);
    }

    [Fact]
    public async Task AValueOutsideTheEnumIsAViolation()
    {
        var body = new QueryParameters().Add("ListenerArn", Fixtures.ListenerArn).Add("DefaultActions.member.1.Type", "teleport").Encode("ModifyListener", "2015-12-01");

        var violations = await SendAsync(AwsService.ElasticLoadBalancing, AwsRequestBody.Of(body, "application/x-www-form-urlencoded; charset=utf-8", null));

        Assert.Contains(violations, v => v.StartsWith("elbv2.ModifyListener: $.DefaultActions[0].Type = 'teleport' is not one of", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownQueryParameterIsAViolation()
    {
        var body = new QueryParameters().Add("AutoScalingGroupName", "g").Add("DesiredCapacity", 1).Add("Force", true).Encode("SetDesiredCapacity", "2011-01-01");

        var violations = await SendAsync(AwsService.AutoScaling, AwsRequestBody.Of(body, "application/x-www-form-urlencoded; charset=utf-8", null));

        Assert.Contains("autoscaling.SetDesiredCapacity: parameter Force is not part of SetDesiredCapacityType", violations);
    }

    [Fact]
    public async Task AnEc2ListInQueryMemberFormIsAViolation()
    {
        var body = new QueryParameters().Add("GroupId.member.1", "sg-0123456789abcdef0").Encode("DescribeSecurityGroups", "2016-11-15");

        var violations = await SendAsync(AwsService.Ec2, AwsRequestBody.Of(body, "application/x-www-form-urlencoded; charset=utf-8", null));

        Assert.Contains("ec2.DescribeSecurityGroups: parameter GroupId.member.1 is not part of DescribeSecurityGroupsRequest", violations);
    }

    [Fact]
    public async Task AWrongTargetPrefixIsAViolation()
    {
        var violations = await SendAsync(AwsService.CloudHsm, AwsRequestBody.Of("{}", "application/x-amz-json-1.1", "CloudHsmV2.DescribeClusters"));

        Assert.Contains("cloudhsmv2.Unknown: X-Amz-Target 'CloudHsmV2.DescribeClusters' is not an operation of cloudhsmv2 in the fixture", violations);
    }

    [Fact]
    public void TheFixtureRecordsTheBotocoreVersionItWasCopiedFrom() =>
        Assert.Matches(@"^\d+\.\d+\.\d+$", ServiceModels.Load().BotocoreVersion);

    [Fact]
    public void ABadSignatureIsAViolation()
    {
        var problems = new List<string>();
        var headers = new Dictionary<string, string>
        {
            ["authorization"] = "AWS4-HMAC-SHA256 Credential=AKIDLOOPBACKTEST0001/20261122/eu-west-1/ssm/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + new string('0', 64),
            ["host"] = "127.0.0.1:1",
            ["x-amz-date"] = "20261122T000000Z",
        };

        SigV4Check.Verify("POST", "/", headers, Encoding.UTF8.GetBytes("{}"), LoopbackAwsServer.SecretKey, problems);

        Assert.Equal(["the SigV4 signature does not match the request received"], problems);
    }
}
