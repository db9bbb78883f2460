using HsmBlueGreen.Core.Policies;
using System.Xml;
using System.Xml.Linq;

namespace HsmBlueGreen.Aws.Http;

/// <summary>
/// AWS Query: form-encoded POST, XML answer whose payload is the &lt;Operation&gt;Result element. EC2's variant
/// answers with the payload directly under &lt;Operation&gt;Response, so the root is returned for it.
/// </summary>
public sealed class QueryProtocolClient(AwsTransport transport, AwsService service)
{
    public async Task<XElement> CallAsync(AwsOperation call, QueryParameters parameters, CancellationToken cancellationToken, bool idempotent = true)
    {
        ArgumentNullException.ThrowIfNull(call);
        var operation = call.Name;
        var body = AwsRequestBody.Of(parameters.Encode(operation, service.ApiVersion), "application/x-www-form-urlencoded; charset=utf-8", null);
        var text = await transport.SendAsync(service, call, body, idempotent, cancellationToken).ConfigureAwait(false);
        try
        {
            var root = XDocument.Parse(text).Root ?? throw new XmlException("no root element");
            return service.Protocol == AwsProtocol.Ec2 ? root : root.Elements().FirstOrDefault(e => e.Name.LocalName == operation + "Result") ?? new XElement(operation + "Result");
        }
        catch (XmlException ex)
        {
            throw new AwsApiException(
                $"{service.IamPrefix}:{operation} returned a response that is not valid XML ({AwsErrorMessages.OneLine(ex.Message)}); check any AWS_ENDPOINT_URL override.",
                service, operation, "MalformedResponse", null, null, ex);
        }
    }
}
