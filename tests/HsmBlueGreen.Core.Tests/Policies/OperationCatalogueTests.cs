using System.Reflection;
using HsmBlueGreen.Core.Policies;

namespace HsmBlueGreen.Core.Tests.Policies;

public class OperationCatalogueTests
{
    [Fact]
    public void EveryDeclaredOperationIsInTheCatalogueOnce()
    {
        var declared = typeof(OperationCatalogue).GetNestedTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(AwsOperation))
            .Select(f => (AwsOperation)f.GetValue(null)!)
            .ToList();

        Assert.Equal(declared.Select(o => o.IamAction).Order(StringComparer.Ordinal), OperationCatalogue.All.Select(o => o.IamAction).Order(StringComparer.Ordinal));
        Assert.Equal(OperationCatalogue.All.Count, OperationCatalogue.All.Distinct().Count());
    }

    [Fact]
    public void AuditOperationsOnlyReadButForTheUserListCommand()
    {
        var writes = OperationCatalogue.UsedBy(OperationUse.Audit).Where(o => o.Access == OperationAccess.Write);

        Assert.Equal([OperationCatalogue.Ssm.SendCommand], writes);
    }

    [Fact]
    public void EveryWriteIsScopedToAResourceArn()
    {
        Assert.DoesNotContain(OperationCatalogue.All, o => o.Access == OperationAccess.Write && o.ResourceArn is null);
    }
}
