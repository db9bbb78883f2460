using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Core.Policies;

namespace HsmBlueGreen.Aws.Tests.Http;

/// <summary>The adapters can call only what the catalogue lists, and the catalogue lists only what the models hold.</summary>
public class OperationCatalogueTests
{
    private static readonly AwsService[] Services =
    [
        AwsService.CloudHsm, AwsService.ElasticLoadBalancing, AwsService.SecretsManager, AwsService.Ssm, AwsService.AutoScaling,
        AwsService.CloudWatch, AwsService.Sts, AwsService.Ec2, AwsService.EventBridge, AwsService.Sns, AwsService.CloudTrail,
    ];

    [Fact]
    public async Task AnOperationOutsideTheCatalogueIsRefusedBeforeAnythingIsSent()
    {
        await using var aws = LoopbackHarness.Start();
        var deleteBackup = new AwsOperation("cloudhsm", "DeleteBackup", OperationAccess.Write, OperationUse.Rotate);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            aws.Transport.SendAsync(AwsService.CloudHsm, deleteBackup, AwsRequestBody.Of("{}", "application/x-amz-json-1.1", "BaldrApiService.DeleteBackup"), idempotent: false, CancellationToken.None));

        Assert.Contains("cloudhsm:DeleteBackup is not in the operation catalogue", error.Message, StringComparison.Ordinal);
        Assert.Empty(aws.Server.Calls);
    }

    [Fact]
    public async Task AnOperationSentToAnotherServiceIsRefused()
    {
        await using var aws = LoopbackHarness.Start();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            aws.Transport.SendAsync(AwsService.Ssm, OperationCatalogue.CloudHsm.DescribeClusters, AwsRequestBody.Of("{}", "application/x-amz-json-1.1", null), idempotent: true, CancellationToken.None));
        Assert.Empty(aws.Server.Calls);
    }

    [Fact]
    public void EveryCatalogueOperationHasAServiceModelInTheFixture()
    {
        var models = ServiceModels.Load();

        var missing = OperationCatalogue.All.Where(o => models.BySigningName(SigningName(o))?.Operation(o.Name) is null);

        Assert.Empty(missing);
    }

    [Fact]
    public void EveryServiceTheCatalogueNamesHasAClient()
    {
        Assert.Equal(
            OperationCatalogue.All.Select(o => o.Service).Distinct().Order(StringComparer.Ordinal),
            Services.Select(s => s.IamPrefix).Order(StringComparer.Ordinal));
    }

    private static string SigningName(AwsOperation operation) => Services.Single(s => s.IamPrefix == operation.Service).SigningName;
}
