namespace HsmBlueGreen.Core.Tests.Policies;

/// <summary>The grammar check itself can fail: each broken document names its problem.</summary>
public class IamGrammarTests
{
    [Theory]
    [InlineData("""{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""", "Version")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Permit","Action":"s3:GetObject","Resource":"*"}]}""", "Effect")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"GetObject","Resource":"*"}]}""", "Action value")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","NotAction":"s3:Put*","Resource":"*"}]}""", "exactly one of Action")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}""", "exactly one of Resource")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Sid":"a-b","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""", "Sid")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":"x"}}]}""", "map keys")]
    [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringMatches":{"aws:x":"y"}}}]}""", "operator")]
    public void BrokenPoliciesAreReported(string policy, string problem)
    {
        Assert.Contains(IamGrammar.Check(policy), p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void AServiceControlPolicyWithAPrincipalIsReported()
    {
        const string Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}""";

        Assert.Contains("a service control policy has no Principal", IamGrammar.Check(Policy, serviceControlPolicy: true));
    }

    [Fact]
    public void AnOversizedServiceControlPolicyIsReported()
    {
        var actions = string.Join(",", Enumerable.Range(0, 400).Select(i => $"\"s3:GetObject{i}\""));
        var policy = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":[{{actions}}],"Resource":"*"}]}""";

        Assert.Contains(IamGrammar.Check(policy, serviceControlPolicy: true), p => p.Contains("5120", StringComparison.Ordinal));
    }
}
