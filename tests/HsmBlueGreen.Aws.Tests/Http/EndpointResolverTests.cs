using HsmBlueGreen.Aws.Http;

namespace HsmBlueGreen.Aws.Tests.Http;

public class EndpointResolverTests
{
    private static EndpointResolver With(params (string Name, string Value)[] variables)
    {
        var environment = variables.ToDictionary(v => v.Name, v => v.Value);
        return new EndpointResolver(name => environment.GetValueOrDefault(name), "eu-west-1");
    }

    [Fact]
    public void WithoutOverridesTheRegionalEndpointIsUsed() =>
        Assert.Equal(new Uri("https://cloudhsmv2.eu-west-1.amazonaws.com/"), With().Resolve(AwsService.CloudHsm));

    [Fact]
    public void GlobalOverrideAppliesToEveryService() =>
        Assert.Equal(new Uri("http://127.0.0.1:4566/"), With(("AWS_ENDPOINT_URL", "http://127.0.0.1:4566")).Resolve(AwsService.ElasticLoadBalancing));

    [Fact]
    public void ServiceOverrideWinsOverTheGlobalOne()
    {
        var resolver = With(("AWS_ENDPOINT_URL", "http://127.0.0.1:1"), ("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:2"));

        Assert.Equal(2, resolver.Resolve(AwsService.SecretsManager).Port);
        Assert.Equal(1, resolver.Resolve(AwsService.Ssm).Port);
    }

    [Theory]
    [InlineData("CLOUDHSM_V2")]
    [InlineData("ELASTIC_LOAD_BALANCING_V2")]
    [InlineData("AUTO_SCALING")]
    [InlineData("SECRETS_MANAGER")]
    [InlineData("SSM")]
    [InlineData("CLOUDWATCH")]
    [InlineData("STS")]
    public void EachServiceHasItsStandardOverrideVariable(string suffix)
    {
        var services = new[] { AwsService.CloudHsm, AwsService.ElasticLoadBalancing, AwsService.AutoScaling, AwsService.SecretsManager, AwsService.Ssm, AwsService.CloudWatch, AwsService.Sts };
        var service = Assert.Single(services, s => s.EnvironmentSuffix == suffix);

        Assert.Equal("override.test", With(("AWS_ENDPOINT_URL_" + suffix, "https://override.test")).Resolve(service).Host);
    }

    [Fact]
    public void IgnoreConfiguredEndpointUrlsTurnsOverridesOff() =>
        Assert.Equal("ssm.eu-west-1.amazonaws.com", With(("AWS_ENDPOINT_URL", "http://127.0.0.1:1"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")).Resolve(AwsService.Ssm).Host);

    [Fact]
    public void AnOverrideThatIsNotAUrlIsRejectedNamingTheVariable()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => With(("AWS_ENDPOINT_URL_SSM", "localhost:4566")).Resolve(AwsService.Ssm));

        Assert.Equal("AWS_ENDPOINT_URL_SSM='localhost:4566' is not an http(s) URL; set it to e.g. https://ssm.eu-west-1.amazonaws.com or unset it.", error.Message);
    }
}
