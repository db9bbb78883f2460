using System.Text.Json.Nodes;
using HsmBlueGreen.Core.Mfa;

namespace HsmBlueGreen.Core.Tests.Mfa;

public sealed class AuthDataFileTests
{
    [Fact]
    public void EveryDataEntryBecomesAChallengeNamedByPositionAndHsm()
    {
        var file = AuthDataFile.Parse(MfaSamples.AuthDataFile(2), "authdata");

        Assert.Equal(["entry 1 of 2 (hsm-0abcdefghij)", "entry 2 of 2 (hsm-1abcdefghij)"], file.Challenges.Select(c => c.Label));
        Assert.Equal(MfaSamples.DigestBytes(1), file.Challenges[1].Digest.Bytes.ToArray());
    }

    [Fact]
    public void AnEmptyPublicKeyCountsAsNone()
    {
        var file = AuthDataFile.Parse(MfaSamples.AuthDataFile(1, publicKey: ""), "authdata");

        Assert.Null(file.PublicKeyPem);
    }

    [Fact]
    public void RenderFillsEverySignatureAndThePublicKeyWhenGiven()
    {
        var file = AuthDataFile.Parse(MfaSamples.AuthDataFile(2), "authdata");

        var rendered = JsonNode.Parse(file.Render(["c2lnMQ==", "c2lnMg=="], MfaSamples.SigningPublicPem))!;

        Assert.Equal("c2lnMQ==", (string?)rendered["Data"]![0]!["Signature"]);
        Assert.Equal("c2lnMg==", (string?)rendered["Data"]![1]!["Signature"]);
        Assert.Equal("hsm-1abcdefghij", (string?)rendered["Data"]![1]!["HsmId"]);
        Assert.Equal(MfaSamples.SigningPublicPem, (string?)rendered["PublicKey"]);
        Assert.Equal("1.0", (string?)rendered["Version"]);
    }

    [Fact]
    public void RenderWithoutAPublicKeyKeepsTheOneInTheFile()
    {
        var file = AuthDataFile.Parse(MfaSamples.AuthDataFile(1, publicKey: MfaSamples.SigningPublicPem), "authdata");

        var rendered = JsonNode.Parse(file.Render(["c2ln"], publicKeyPem: null))!;

        Assert.Equal(MfaSamples.SigningPublicPem, (string?)rendered["PublicKey"]);
    }

    [Theory]
    [InlineData("""{"Version":"2.0","Data":[]}""", "authdata has '2.0' as \"Version\"; only \"1.0\" (cloudhsm_mgmt_util) is known. Check that the file comes from cloudhsm_mgmt_util.")]
    [InlineData("""{"version":"1.0","Data":[]}""", "authdata has no \"Version\"; only \"1.0\" (cloudhsm_mgmt_util) is known. Check that the file comes from cloudhsm_mgmt_util.")]
    [InlineData("""{"Version":"1.0","Data":{}}""", "authdata has no \"Data\" list with entries; use the file exactly as the HSM tool wrote it.")]
    [InlineData("""{"Version":"1.0","Data":[{"Digest":"x"}]}""", "authdata: entry 1 of 1 has no \"HsmId\"; use the file exactly as the HSM tool wrote it.")]
    [InlineData("""{"Version":"1.0","Data":[{"HsmId":"hsm-a"}]}""", "authdata: entry 1 of 1 (hsm-a) has no \"Digest\"; use the file exactly as the HSM tool wrote it.")]
    [InlineData("""{"Version":"1.0","Data":[{"HsmId":"hsm-a","Digest":"%%%"}]}""", "authdata: entry 1 of 1 (hsm-a) (\"Digest\") is not valid base64; use the file exactly as the HSM tool wrote it.")]
    [InlineData("""{"Version":"1.0","PublicKey":7,"Data":[{"HsmId":"hsm-a","Digest":"k5O1p3f6foQRVQH7S8Rrjcau6h3TYqsSdr16A54+qG8="}]}""", "authdata has a \"PublicKey\" that is not a string; use the file exactly as the HSM tool wrote it.")]
    public void AFileNotShapedLikeTheAuthDataFileIsRefused(string text, string message)
    {
        var error = Assert.Throws<MfaInputException>(() => AuthDataFile.Parse(text, "authdata"));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void TheUserGuidesExampleParses()
    {
        const string text = """
            {
                "Version": "1.0",
                "PublicKey": "",
                "Data": [
                    { "HsmId": "hsm-lgavqitns2a", "Digest": "k5O1p3f6foQRVQH7S8Rrjcau6h3TYqsSdr16A54+qG8=", "Signature": "" },
                    { "HsmId": "hsm-lgavqitns2a", "Digest": "IyBcx4I5Vyx1jztwvXinCBQd9lDx8oQe7iRrWjBAi1w=", "Signature": "" }
                ]
            }
            """;

        var file = AuthDataFile.Parse(text, "authdata");

        Assert.Equal(2, file.Challenges.Count);
        Assert.Equal(0, file.SignedCount);
    }
}
