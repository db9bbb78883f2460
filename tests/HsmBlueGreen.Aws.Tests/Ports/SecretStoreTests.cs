using System.Text.Json.Nodes;
using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Secrets;

namespace HsmBlueGreen.Aws.Tests.Ports;

public class SecretStoreTests
{
    private const string Secret = "hsm-dev-green-crypto-user";
    private const string CurrentVersion = "00000000-0000-4000-8000-000000000001";
    private const string PendingToken = "11111111-2222-4333-8444-555555555555";

    private static LoopbackHarness Start() =>
        LoopbackHarness.Start(a => a.AddSecret(Secret, "{\"username\":\"app_cu\",\"password\":\"Blue-Passw0rd\"}", CurrentVersion));

    [Fact]
    public async Task TheCurrentCredentialIsReadByStage()
    {
        await using var aws = Start();

        var credential = await aws.Ports.SecretStore.GetAsync(Secret, SecretVersionRef.ByStage(SecretStages.Current), CancellationToken.None);

        Assert.Equal(new Credential("app_cu", new Sensitive("Blue-Passw0rd")), credential);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task AMissingStageIsNull()
    {
        await using var aws = Start();

        Assert.Null(await aws.Ports.SecretStore.GetAsync(Secret, SecretVersionRef.ByStage(SecretStages.Pending), CancellationToken.None));
    }

    [Fact]
    public async Task APendingVersionIsWrittenAsUsernameAndPasswordJson()
    {
        await using var aws = Start();

        await aws.Ports.SecretStore.PutAsync(Secret, PendingToken, new Credential("app_cu", new Sensitive("Green-Passw0rd")), [SecretStages.Pending], CancellationToken.None);

        var stored = JsonNode.Parse(aws.Account.Secret(Secret).ValueAt(SecretStages.Pending)!)!;
        Assert.Equal(("app_cu", "Green-Passw0rd"), (stored["username"]!.GetValue<string>(), stored["password"]!.GetValue<string>()));
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task PuttingTheSameTokenAgainIsIgnoredButWithAnotherValueFails()
    {
        await using var aws = Start();
        var value = new Credential("app_cu", new Sensitive("Green-Passw0rd"));
        await aws.Ports.SecretStore.PutAsync(Secret, PendingToken, value, [SecretStages.Pending], CancellationToken.None);

        await aws.Ports.SecretStore.PutAsync(Secret, PendingToken, value, [SecretStages.Pending], CancellationToken.None);
        var other = await Assert.ThrowsAsync<HsmBlueGreen.Aws.Http.AwsApiException>(() => aws.Ports.SecretStore.PutAsync(Secret, PendingToken, value with { Password = new Sensitive("Other-Passw0rd") }, [SecretStages.Pending], CancellationToken.None));

        Assert.Equal((2, "ResourceExistsException"), (aws.Account.Secret(Secret).Values.Count, other.ErrorCode));
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task VersionsAndTheirStagesAreDescribed()
    {
        await using var aws = Start();
        await aws.Ports.SecretStore.PutAsync(Secret, PendingToken, new Credential("app_cu", new Sensitive("Green-Passw0rd")), [SecretStages.Pending], CancellationToken.None);

        var versions = await aws.Ports.SecretStore.DescribeAsync(Secret, CancellationToken.None);

        Assert.Equal((CurrentVersion, PendingToken), (versions.VersionWith(SecretStages.Current), versions.VersionWith(SecretStages.Pending)));
        Assert.StartsWith("arn:aws:secretsmanager:eu-west-1:123456789012:secret:" + Secret, versions.Arn, StringComparison.Ordinal);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task PromotingMovesCurrentAndLeavesPrevious()
    {
        await using var aws = Start();
        await aws.Ports.SecretStore.PutAsync(Secret, PendingToken, new Credential("app_cu", new Sensitive("Green-Passw0rd")), [SecretStages.Pending], CancellationToken.None);

        await aws.Ports.SecretStore.MoveStageAsync(Secret, SecretStages.Current, PendingToken, CurrentVersion, CancellationToken.None);

        var stages = aws.Account.Secret(Secret).Stages;
        Assert.Equal((PendingToken, CurrentVersion), (stages[SecretStages.Current], stages[SecretStages.Previous]));
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task AVersionLeftWithoutStagesIsNotDescribed()
    {
        await using var aws = Start();
        const string Second = "22222222-3333-4444-8555-666666666666";
        await aws.Ports.SecretStore.PutAsync(Secret, PendingToken, new Credential("app_cu", new Sensitive("Green-Passw0rd")), [SecretStages.Current], CancellationToken.None);
        await aws.Ports.SecretStore.PutAsync(Secret, Second, new Credential("app_cu", new Sensitive("Third-Passw0rd")), [SecretStages.Current], CancellationToken.None);

        var versions = await aws.Ports.SecretStore.DescribeAsync(Secret, CancellationToken.None);

        Assert.Equal([PendingToken, Second], versions.VersionStages.Keys.Order(StringComparer.Ordinal));
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task VersionsAreListedWithWhenEachWasCreatedAndWithoutTheDeprecatedOnes()
    {
        var created = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        await using var aws = LoopbackHarness.Start(a =>
        {
            a.AddSecret(Secret, "{\"username\":\"app_cu\",\"password\":\"Blue-Passw0rd\"}", CurrentVersion, created);
            a.PageSize = 1;
            a.Now = () => created.AddDays(2);
        });
        const string Second = "22222222-3333-4444-8555-666666666666";
        await aws.Ports.SecretStore.PutAsync(Secret, PendingToken, new Credential("app_cu", new Sensitive("Green-Passw0rd")), [SecretStages.Current], CancellationToken.None);
        await aws.Ports.SecretStore.PutAsync(Secret, Second, new Credential("app_cu", new Sensitive("Third-Passw0rd")), [SecretStages.Current], CancellationToken.None);

        var versions = await aws.Ports.SecretStore.ListVersionsAsync(Secret, CancellationToken.None);

        Assert.Equal(
            [(PendingToken, created.AddDays(2), SecretStages.Previous), (Second, created.AddDays(2), SecretStages.Current)],
            versions.Select(v => (v.VersionId, v.CreatedAt, v.Stages.Single())).OrderBy(v => v.VersionId, StringComparer.Ordinal));
        Assert.Equal(2, aws.Server.CallsTo("ListSecretVersionIds").Count());
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task AVersionLeftWithoutStagesIsStillReadById()
    {
        await using var aws = Start();
        await aws.Ports.SecretStore.PutAsync(Secret, PendingToken, new Credential("app_cu", new Sensitive("Green-Passw0rd")), [SecretStages.Pending], CancellationToken.None);
        await aws.Ports.SecretStore.MoveStageAsync(Secret, SecretStages.Pending, null, PendingToken, CancellationToken.None);

        var credential = await aws.Ports.SecretStore.GetAsync(Secret, SecretVersionRef.ById(PendingToken), CancellationToken.None);

        Assert.Equal(new Credential("app_cu", new Sensitive("Green-Passw0rd")), credential);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task AGeneratedPasswordFollowsThePolicy()
    {
        await using var aws = Start();

        var password = await aws.Ports.SecretStore.GeneratePasswordAsync(PasswordPolicy.CloudHsm, CancellationToken.None);

        Assert.Equal(32, password.Length);
        Assert.DoesNotContain(':', password.Reveal());
        var request = aws.Server.CallsTo("GetRandomPassword").Single().Input;
        Assert.Equal(PasswordPolicy.CloudHsm.ExcludeCharacters, request["ExcludeCharacters"]!.GetValue<string>());
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task ASecretInAnotherFormatIsRefusedWithoutEchoingIt()
    {
        await using var aws = LoopbackHarness.Start(a => a.AddSecret(Secret, "app_cu:Blue-Passw0rd", CurrentVersion));

        var error = await Assert.ThrowsAsync<HsmBlueGreen.Aws.SecretsManager.SecretFormatException>(() => aws.Ports.SecretStore.GetAsync(Secret, SecretVersionRef.ByStage(SecretStages.Current), CancellationToken.None));

        Assert.DoesNotContain("Blue-Passw0rd", error.ToString(), StringComparison.Ordinal);
        Assert.Equal($"secret {Secret} does not hold a JSON object with string \"username\" and \"password\"; store the crypto user's credential in that form.", error.Message);
    }
}
