using HsmBlueGreen.Core.Config;

namespace HsmBlueGreen.Core.Settings;

internal static class ListenerBinder
{
    private const int MaxStickinessSeconds = 604800;

    public static ListenerSettings? Read(SettingReader read)
    {
        var protocol = Protocol(read);
        var port = read.Int("listenerPort", protocol == ListenerProtocol.Http ? 80 : 443, 1, 65535);
        var certificate = Certificate(read, protocol);
        var albInternal = read.Bool("albInternal", true);
        var appPort = read.Int("appPort", 8443, 1, 65535);
        var healthCheckPath = read.Id("healthCheckPath", IdRule.UrlPath, required: false) ?? "/health";
        var stickiness = read.Int("stickinessSeconds", 0, 0, MaxStickinessSeconds);

        if (protocol is null || port is null || albInternal is null || appPort is null || stickiness is null)
        {
            return null;
        }

        return new ListenerSettings(protocol.Value, port.Value, certificate, albInternal.Value, appPort.Value, healthCheckPath, stickiness.Value);
    }

    private static ListenerProtocol? Protocol(SettingReader read)
    {
        switch (read.Text("listenerProtocol")?.ToUpperInvariant())
        {
            case null or "HTTPS":
                return ListenerProtocol.Https;
            case "HTTP":
                return ListenerProtocol.Http;
            default:
                read.Fail("listenerProtocol", read.Text("listenerProtocol"), "must be HTTPS or HTTP", read.SetCommand("listenerProtocol", "HTTPS"));
                return null;
        }
    }

    private static ConfigString? Certificate(SettingReader read, ListenerProtocol? protocol)
    {
        const string key = "certificateArn";
        if (read.IsSecret(key))
        {
            // The ARN is only passed through to the listener, so a secret one stays a config reference.
            return protocol == ListenerProtocol.Https ? ConfigString.Secret(key) : null;
        }

        var arn = read.Id(key, IdRule.CertificateArn, required: protocol == ListenerProtocol.Https);
        if (protocol == ListenerProtocol.Http && arn is not null)
        {
            read.Fail(key, arn, "is set but the listener is HTTP, so it would be ignored", $"remove it (pulumi config rm {key}) or set listenerProtocol to HTTPS");
            return null;
        }

        return arn is null ? null : ConfigString.Plain(key, arn);
    }
}
