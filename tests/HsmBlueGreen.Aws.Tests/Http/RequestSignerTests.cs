using System.Text;
using Amazon.Runtime;
using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Aws.Tests.Loopback;

namespace HsmBlueGreen.Aws.Tests.Http;

/// <summary>Our SigV4 against the loopback server's independent implementation of the same algorithm.</summary>
public class RequestSignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 5, 0, 0, TimeSpan.Zero);

    private static (Dictionary<string, string> Headers, byte[] Body) Signed(ImmutableCredentials credentials)
    {
        var body = Encoding.UTF8.GetBytes("{\"SecretId\":\"s\"}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:8443/") { Content = AwsRequestBody.Of("{\"SecretId\":\"s\"}", "application/x-amz-json-1.1", null).ToContent() };
        request.Headers.Add("X-Amz-Target", "secretsmanager.DescribeSecret");

        RequestSigner.Sign(request, body, credentials, "eu-west-1", "secretsmanager", Now);

        var headers = request.Headers.Concat(request.Content.Headers)
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value), StringComparer.Ordinal);
        headers["host"] = request.Headers.Host!;
        return (headers, body);
    }

    [Fact]
    public void TheSignatureVerifiesIndependently()
    {
        var (headers, body) = Signed(new ImmutableCredentials(LoopbackAwsServer.AccessKey, LoopbackAwsServer.SecretKey, null));
        var problems = new List<string>();

        var scope = SigV4Check.Verify("POST", "/", headers, body, LoopbackAwsServer.SecretKey, problems);

        Assert.Empty(problems);
        Assert.Equal(new SigV4Check.Scope(LoopbackAwsServer.AccessKey, "20261122", "eu-west-1", "secretsmanager"), scope);
    }

    [Fact]
    public void ASessionTokenIsSentAndSigned()
    {
        var (headers, body) = Signed(new ImmutableCredentials(LoopbackAwsServer.AccessKey, LoopbackAwsServer.SecretKey, "session-token-1"));
        var problems = new List<string>();

        SigV4Check.Verify("POST", "/", headers, body, LoopbackAwsServer.SecretKey, problems);

        Assert.Empty(problems);
        Assert.Equal("session-token-1", headers["x-amz-security-token"]);
        Assert.Contains("x-amz-security-token", headers["authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public void TheTargetHeaderIsCoveredBySignature()
    {
        var (headers, body) = Signed(new ImmutableCredentials(LoopbackAwsServer.AccessKey, LoopbackAwsServer.SecretKey, null));
        headers["x-amz-target"] = "secretsmanager.DeleteSecret";
        var problems = new List<string>();

        SigV4Check.Verify("POST", "/", headers, body, LoopbackAwsServer.SecretKey, problems);

        Assert.Equal(["the SigV4 signature does not match the request received"], problems);
    }
}
