using System.Text.Json.Nodes;
using HsmBlueGreen.Core.Mfa;

namespace HsmBlueGreen.Core.Tests.Mfa;

public sealed class TokenFileTests
{
    [Fact]
    public void EveryTokenBecomesAChallengeInFileOrder()
    {
        var file = TokenFile.Parse(MfaSamples.TokenFile(3), "t.json");

        Assert.Equal(["token 1 of 3", "token 2 of 3", "token 3 of 3"], file.Challenges.Select(c => c.Label));
        Assert.Equal(MfaSamples.DigestBytes(2), file.Challenges[2].Digest.Bytes.ToArray());
        Assert.Equal(0, file.SignedCount);
    }

    [Fact]
    public void TokensWithASignatureCountAsSigned()
    {
        var file = TokenFile.Parse(MfaSamples.TokenFile(3, i => i == 1 ? "c2ln" : string.Empty), "t.json");

        Assert.Equal(1, file.SignedCount);
        Assert.True(file.Challenges[1].IsSigned);
    }

    [Fact]
    public void ATokenWithoutASignedPropertyIsUnsigned()
    {
        var file = TokenFile.Parse($$"""{"version":"2.0","tokens":[{"unsigned":"{{MfaSamples.Digest(0)}}"}]}""", "t.json");

        Assert.False(file.Challenges[0].IsSigned);
    }

    [Fact]
    public void RenderFillsEverySignedAndKeepsEverythingElse()
    {
        var text = $$"""{"version":"2.0","comment":"kept","tokens":[{"unsigned":"{{MfaSamples.Digest(0)}}","signed":"","extra":1},{"unsigned":"{{MfaSamples.Digest(1)}}","signed":""}]}""";

        var rendered = JsonNode.Parse(TokenFile.Parse(text, "t.json").Render(["AAAA+/==", "BBBB"], publicKeyPem: "ignored"))!;

        Assert.Equal("kept", (string?)rendered["comment"]);
        Assert.Equal(1, (int?)rendered["tokens"]![0]!["extra"]);
        Assert.Equal("AAAA+/==", (string?)rendered["tokens"]![0]!["signed"]);
        Assert.Equal("BBBB", (string?)rendered["tokens"]![1]!["signed"]);
        Assert.Null(rendered["PublicKey"]);
        Assert.Null(rendered["publicKey"]);
    }

    [Fact]
    public void RenderWritesBase64WithoutJsonEscapes()
    {
        var file = TokenFile.Parse(MfaSamples.TokenFile(1), "t.json");

        var rendered = file.Render(["ab+/cd=="], publicKeyPem: null);

        Assert.Contains("\"signed\": \"ab+/cd==\"", rendered, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedJsonIsRefusedWithItsPosition()
    {
        var error = Assert.Throws<MfaInputException>(() => TokenFile.Parse("{\"version\":\"2.0\",\n\"tokens\": [}", "t.json"));

        Assert.Equal("t.json is not valid JSON (line 2, column 12); use the file exactly as the HSM tool wrote it.", error.Message);
    }

    [Theory]
    [InlineData("""{"version":"1.0","tokens":[]}""", "t.json has '1.0' as \"version\"; only \"2.0\" (the CloudHSM CLI) is known. Check that the file comes from the CloudHSM CLI.")]
    [InlineData("""{"tokens":[]}""", "t.json has no \"version\"; only \"2.0\" (the CloudHSM CLI) is known. Check that the file comes from the CloudHSM CLI.")]
    [InlineData("""{"version":2.0,"tokens":[]}""", "t.json has a \"version\" that is not a string; use the file exactly as the HSM tool wrote it.")]
    [InlineData("""{"version":"2.0","tokens":[]}""", "t.json has no \"tokens\" list with entries; use the file exactly as the HSM tool wrote it.")]
    [InlineData("""{"version":"2.0","tokens":[{"signed":""}]}""", "t.json: token 1 of 1 has no \"unsigned\"; use the file exactly as the HSM tool wrote it.")]
    [InlineData("""{"version":"2.0","tokens":["x"]}""", "t.json: token 1 of 1 is not a JSON object; use the file exactly as the HSM tool wrote it.")]
    [InlineData("""{"version":"2.0","version":"2.0","tokens":[]}""", "t.json is not valid JSON (a property appears more than once); use the file exactly as the HSM tool wrote it.")]
    [InlineData("""[]""", "t.json is not a JSON object; use the file exactly as the HSM tool wrote it.")]
    public void AFileNotShapedLikeTheCliTokenFileIsRefused(string text, string message)
    {
        var error = Assert.Throws<MfaInputException>(() => TokenFile.Parse(text, "t.json"));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void AQuorumTokenFileIsRecognisedAndRefused()
    {
        var text = $$"""{"version":"2.0","approval_data":"AAEA","token":"{{MfaSamples.Digest(0)}}","signatures":[]}""";

        var error = Assert.Throws<MfaInputException>(() => TokenFile.Parse(text, "quorum.json"));

        Assert.StartsWith("quorum.json is a quorum token file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnsignedValueThatIsNotADigestIsRefusedNamingTheToken()
    {
        var text = $$"""{"version":"2.0","tokens":[{"unsigned":"{{MfaSamples.Digest(0)}}","signed":""},{"unsigned":"AAAA","signed":""}]}""";

        var error = Assert.Throws<MfaInputException>(() => TokenFile.Parse(text, "t.json"));

        Assert.StartsWith("t.json: token 2 of 2 (\"unsigned\") decodes to 3 bytes", error.Message, StringComparison.Ordinal);
    }
}
