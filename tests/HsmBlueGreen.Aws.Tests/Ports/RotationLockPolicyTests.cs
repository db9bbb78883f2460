using HsmBlueGreen.Aws.SecretsManager;
using HsmBlueGreen.Core.Policies;

namespace HsmBlueGreen.Aws.Tests.Ports;

/// <summary>The operator policy lets tagging calls touch only keys matching the catalogue's pattern; the lock must stay inside it.</summary>
public class RotationLockPolicyTests
{
    [Fact]
    public void EveryLockTagKeyIsOneThePolicyAllows()
    {
        var prefix = OperationCatalogue.SecretsManager.LockTagKeys.TrimEnd('*');

        Assert.All(
            [SecretTagRotationLock.RunKey, SecretTagRotationLock.OwnerKey, SecretTagRotationLock.ExpiresKey],
            key => Assert.StartsWith(prefix, key, StringComparison.Ordinal));
    }
}
