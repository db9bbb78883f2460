namespace HsmBlueGreen.Core.Policies;

/// <summary>
/// The tags the generated policies scope by: the infrastructure program puts <see cref="Stack"/> on every
/// resource it creates, and retire sets <see cref="SlotState"/> to <see cref="Retiring"/> on a slot's cluster
/// before deleting it; the deny statements allow DeleteHsm/DeleteCluster only on such a cluster.
/// </summary>
public static class StackTags
{
    public const string Stack = "hsm-blue-green:stack";
    public const string SlotState = "hsm-blue-green:slot-state";
    public const string Retiring = "retiring";

    public static string ResourceTagKey(string tag) => "aws:ResourceTag/" + tag;
}
