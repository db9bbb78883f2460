using System.Text.Json.Serialization;
using HsmBlueGreen.Infra.Model.Aws;

namespace HsmBlueGreen.Infra.Emit;

/// <summary>
/// Turns resource records into their input maps: camel-cased property names (the pulumi-aws wire names),
/// unset (null) inputs left out, declaration order kept. Source-generated, so the compiler starts fast.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CloudHsmCluster))]
[JsonSerializable(typeof(CloudHsmHsm))]
[JsonSerializable(typeof(SecurityGroup))]
[JsonSerializable(typeof(SecurityGroupIngressRule))]
[JsonSerializable(typeof(SecurityGroupEgressRule))]
[JsonSerializable(typeof(Ec2Instance))]
[JsonSerializable(typeof(LaunchTemplate))]
[JsonSerializable(typeof(AutoScalingGroup))]
[JsonSerializable(typeof(IamRole))]
[JsonSerializable(typeof(IamRolePolicy))]
[JsonSerializable(typeof(IamRolePolicyAttachment))]
[JsonSerializable(typeof(IamInstanceProfile))]
[JsonSerializable(typeof(LoadBalancer))]
[JsonSerializable(typeof(TargetGroup))]
[JsonSerializable(typeof(Listener))]
[JsonSerializable(typeof(ListenerRule))]
[JsonSerializable(typeof(SecretsManagerSecret))]
[JsonSerializable(typeof(SnsTopic))]
[JsonSerializable(typeof(SnsTopicPolicy))]
[JsonSerializable(typeof(SnsTopicSubscription))]
[JsonSerializable(typeof(EventRule))]
[JsonSerializable(typeof(EventTarget))]
[JsonSerializable(typeof(LogGroup))]
[JsonSerializable(typeof(FlowLog))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
