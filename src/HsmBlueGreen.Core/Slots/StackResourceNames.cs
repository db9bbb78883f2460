namespace HsmBlueGreen.Core.Slots;

/// <summary>
/// Logical resource names the infrastructure program declares and the step program targets with
/// `pulumi up --target` (a weight record updates only the listener; retiring a slot only that slot's resources).
/// </summary>
public static class StackResourceNames
{
    public const string Project = "hsm-blue-green";
    public const string Listener = "listener";
    public const string ListenerType = "aws:lb/listener:Listener";

    /// <summary>Every resource of a slot is named with this prefix, e.g. "green-cluster", "green-hsm-eu-west-1a".</summary>
    public static string SlotPrefix(Color color) => color.Key() + "-";

    public static string Urn(string stack, string type, string name) => $"urn:pulumi:{stack}::{Project}::{type}::{name}";

    public static string ListenerUrn(string stack) => Urn(stack, ListenerType, Listener);

    public const string ClusterType = "aws:cloudhsmv2/cluster:Cluster";

    /// <summary>A slot's cluster, e.g. "blue-cluster": retire updates it alone (protection off, retiring tag) before removing the slot.</summary>
    public static string Cluster(Color color) => SlotPrefix(color) + "cluster";

    public static string ClusterUrn(string stack, Color color) => Urn(stack, ClusterType, Cluster(color));
}
