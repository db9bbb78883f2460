namespace HsmBlueGreen.Aws.Http;

/// <summary>
/// Where a service's requests go, with the AWS SDKs' standard overrides: AWS_ENDPOINT_URL_&lt;SERVICE&gt;
/// first, then AWS_ENDPOINT_URL, then the public regional endpoint. AWS_IGNORE_CONFIGURED_ENDPOINT_URLS
/// turns the overrides off, as in the SDKs.
/// </summary>
public sealed class EndpointResolver(Func<string, string?> environment, Lazy<string> region)
{
    public EndpointResolver(Func<string, string?> environment, string region)
        : this(environment, new Lazy<string>(region))
    {
    }

    /// <summary>Resolved on first use, so building the adapters needs no AWS configuration.</summary>
    public string Region => region.Value;

    public Uri Resolve(AwsService service)
    {
        if (!IsTrue(environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")))
        {
            foreach (var name in new[] { "AWS_ENDPOINT_URL_" + service.EnvironmentSuffix, "AWS_ENDPOINT_URL" })
            {
                var value = environment(name);
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return Parse(name, value.Trim());
                }
            }
        }

        return new Uri($"https://{service.EndpointPrefix}.{Region}.amazonaws.com/");
    }

    private static Uri Parse(string name, string value)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri;
        }

        throw new AwsConfigurationException($"{name}='{value}' is not an http(s) URL; set it to e.g. https://ssm.eu-west-1.amazonaws.com or unset it.");
    }

    private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
