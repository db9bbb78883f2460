using HsmBlueGreen.Core.Mfa;

namespace HsmBlueGreen.Core.Tests.Mfa;

public sealed class MfaDigestTests
{
    [Fact]
    public void ThirtyTwoBytesOfBase64AreADigest()
    {
        var digest = MfaDigest.FromBase64(MfaSamples.Digest(7), "token 1");

        Assert.Equal(MfaSamples.DigestBytes(7), digest.Bytes.ToArray());
    }

    [Fact]
    public void TextThatIsNotBase64IsRefusedNamingWhereItIs()
    {
        var error = Assert.Throws<MfaInputException>(() => MfaDigest.FromBase64("not base64!", "t.json: token 2 of 3"));

        Assert.Equal("t.json: token 2 of 3 is not valid base64; use the file exactly as the HSM tool wrote it.", error.Message);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(0)]
    public void ADigestOfAnyOtherLengthIsRefused(int length)
    {
        var text = Convert.ToBase64String(new byte[length]);

        var error = Assert.Throws<MfaInputException>(() => MfaDigest.FromBase64(text, "token 1"));

        Assert.Equal($"token 1 decodes to {length} bytes, not the 32 of a SHA-256 digest; use the file exactly as the HSM tool wrote it.", error.Message);
    }
}
