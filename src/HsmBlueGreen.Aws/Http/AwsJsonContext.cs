using System.Text.Json.Serialization;
using HsmBlueGreen.Aws.CloudHsm;
using HsmBlueGreen.Aws.CloudTrail;
using HsmBlueGreen.Aws.Events;
using HsmBlueGreen.Aws.SecretsManager;
using HsmBlueGreen.Aws.Ssm;

namespace HsmBlueGreen.Aws.Http;

/// <summary>
/// Source-generated JSON 1.1 metadata for every request and response record <see cref="JsonProtocolClient"/>
/// sends or reads (members named as in the AWS model, nulls left out, timestamps as epoch seconds), so hsm-rotate
/// needs no reflection and publishes with NativeAOT. A new operation adds its two records here; a record missing
/// here fails its call with "JsonTypeInfo metadata for type ... was not provided".
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(DescribeBackupsRequest))]
[JsonSerializable(typeof(DescribeBackupsResponse))]
[JsonSerializable(typeof(DescribeClustersRequest))]
[JsonSerializable(typeof(DescribeClustersResponse))]
[JsonSerializable(typeof(DescribeTrailsRequest))]
[JsonSerializable(typeof(DescribeTrailsResponse))]
[JsonSerializable(typeof(GetTrailStatusRequest))]
[JsonSerializable(typeof(GetTrailStatusResponse))]
[JsonSerializable(typeof(ListRulesRequest))]
[JsonSerializable(typeof(ListRulesResponse))]
[JsonSerializable(typeof(ListTargetsByRuleRequest))]
[JsonSerializable(typeof(ListTargetsByRuleResponse))]
[JsonSerializable(typeof(SecretIdRequest))]
[JsonSerializable(typeof(DescribeSecretResponse))]
[JsonSerializable(typeof(ListSecretVersionIdsRequest))]
[JsonSerializable(typeof(ListSecretVersionIdsResponse))]
[JsonSerializable(typeof(GetSecretValueRequest))]
[JsonSerializable(typeof(GetSecretValueResponse))]
[JsonSerializable(typeof(PutSecretValueRequest))]
[JsonSerializable(typeof(UpdateSecretVersionStageRequest))]
[JsonSerializable(typeof(GetRandomPasswordRequest))]
[JsonSerializable(typeof(GetRandomPasswordResponse))]
[JsonSerializable(typeof(TagResourceRequest))]
[JsonSerializable(typeof(UntagResourceRequest))]
[JsonSerializable(typeof(EmptyResponse))]
[JsonSerializable(typeof(SendCommandRequest))]
[JsonSerializable(typeof(SendCommandResponse))]
[JsonSerializable(typeof(GetCommandInvocationRequest))]
[JsonSerializable(typeof(GetCommandInvocationResponse))]
[JsonSerializable(typeof(ListCommandsRequest))]
[JsonSerializable(typeof(ListCommandsResponse))]
internal sealed partial class AwsJsonContext : JsonSerializerContext;
