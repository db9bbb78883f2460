using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Aws.SecretsManager;
using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Core.Policies;

namespace HsmBlueGreen.Aws.Tests.Ports;

/// <summary>
/// The fake refuses the tags Secrets Manager documents as refused (TagResource: 50 tags per secret, keys 127 and values
/// 255 characters, letters, digits, spaces and + - = . _ : / @, no aws: prefix), so a record AWS would refuse fails here.
/// </summary>
public class SecretTagLimitTests
{
    private const string Secret = "hsm-dev-green-crypto-user";

    private static Task TagAsync(LoopbackHarness aws, params SecretTag[] tags) =>
        new JsonProtocolClient(aws.Transport, AwsService.SecretsManager).CallAsync<TagResourceRequest, EmptyResponse>(OperationCatalogue.SecretsManager.TagResource, new(Secret, [.. tags]), CancellationToken.None);

    [Fact]
    public async Task AFiftyFirstTagIsRefused()
    {
        await using var aws = LoopbackHarness.Start(a => a.AddSecret(Secret));
        await TagAsync(aws, [.. Enumerable.Range(0, 50).Select(i => new SecretTag($"k{i}", "v"))]);

        var refused = await Assert.ThrowsAsync<AwsApiException>(() => TagAsync(aws, new SecretTag("k50", "v")));

        Assert.Equal("InvalidParameterException", refused.ErrorCode);
        Assert.Equal(50, aws.Account.Secret(Secret).Tags.Count);
    }

    [Fact]
    public async Task ReplacingAnExistingKeyDoesNotCountAsANewTag()
    {
        await using var aws = LoopbackHarness.Start(a => a.AddSecret(Secret));
        await TagAsync(aws, [.. Enumerable.Range(0, 50).Select(i => new SecretTag($"k{i}", "v"))]);

        await TagAsync(aws, new SecretTag("k0", "w"));

        Assert.Equal("w", aws.Account.Secret(Secret).Tags["k0"]);
    }

    [Theory]
    [InlineData("json", "{\"a\":1}")]
    [InlineData("comma", "a,b")]
    [InlineData("aws:reserved", "v")]
    [InlineData("k", "AWS:reserved")]
    public async Task ATagOutsideTheDocumentedCharactersOrUnderTheAwsPrefixIsRefused(string key, string value)
    {
        await using var aws = LoopbackHarness.Start(a => a.AddSecret(Secret));

        var refused = await Assert.ThrowsAsync<AwsApiException>(() => TagAsync(aws, new SecretTag(key, value)));

        Assert.Equal("InvalidParameterException", refused.ErrorCode);
        Assert.Empty(aws.Account.Secret(Secret).Tags);
    }

    [Fact]
    public async Task AValueOfTwoHundredFiftySixCharactersIsRefusedAndTwoHundredFiftyFiveAccepted()
    {
        await using var aws = LoopbackHarness.Start(a => a.AddSecret(Secret));

        await TagAsync(aws, new SecretTag("fits", new string('a', 255)));
        var refused = await Assert.ThrowsAsync<AwsApiException>(() => TagAsync(aws, new SecretTag("long", new string('a', 256))));

        Assert.Equal("InvalidParameterException", refused.ErrorCode);
        Assert.Equal(["fits"], aws.Account.Secret(Secret).Tags.Keys);
    }
}
