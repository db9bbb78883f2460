using System.Text.Json.Serialization;

namespace HsmBlueGreen.Infra.Model.Aws;

/// <summary>
/// aws:secretsmanager:Secret: the slot's crypto-user credential. The program declares the secret only;
/// its value is written by the step program, so no SecretVersion kind exists in this model at all.
/// </summary>
public sealed record SecretsManagerSecret(string NamePrefix, string Description, int RecoveryWindowInDays) : AwsResource
{
    public const string Token = "aws:secretsmanager:Secret";

    [JsonIgnore]
    public override string Type => Token;

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
