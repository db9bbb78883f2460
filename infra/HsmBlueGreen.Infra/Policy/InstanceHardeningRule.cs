using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;

namespace HsmBlueGreen.Infra.Policy;

/// <summary>Instances that reach the HSMs have no public address and answer only IMDSv2 (session tokens).</summary>
internal sealed class InstanceHardeningRule : IPolicyRule
{
    public const string NoPublicIp = "no-public-ip";
    public const string Imdsv2 = "imdsv2-required";

    public IEnumerable<PolicyViolation> Check(StackProgram program, PolicyContext context)
    {
        foreach (var (resource, instance) in program.All<Ec2Instance>())
        {
            if (instance.AssociatePublicIpAddress != false)
            {
                yield return PublicIp(resource, "associatePublicIpAddress is not false");
            }

            if (instance.MetadataOptions?.HttpTokens != "required")
            {
                yield return Tokens(resource);
            }
        }

        foreach (var (resource, template) in program.All<LaunchTemplate>())
        {
            var interfaces = template.NetworkInterfaces ?? [];
            if (interfaces.Count == 0 || interfaces.Any(n => n.AssociatePublicIpAddress != "false"))
            {
                yield return PublicIp(resource, "a network interface does not set associatePublicIpAddress \"false\" (the subnet's default could give one)");
            }

            if (template.MetadataOptions?.HttpTokens != "required")
            {
                yield return Tokens(resource);
            }
        }
    }

    private static PolicyViolation PublicIp(Resource resource, string problem) =>
        new(NoPublicIp, resource.Name, problem, "set associatePublicIpAddress to false; clients are reached through the load balancer and SSM only");

    private static PolicyViolation Tokens(Resource resource) =>
        new(Imdsv2, resource.Name, "metadataOptions.httpTokens is not \"required\"", "set metadataOptions {httpTokens: required, httpEndpoint: enabled}");
}
