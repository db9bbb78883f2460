namespace HsmBlueGreen.Core.Slots;

/// <summary>
/// Logical names of a slot's resources. All start with the slot's prefix (StackResourceNames.SlotPrefix),
/// which is how the step program retires exactly one slot. The infrastructure program declares them;
/// `hsm-rotate plan` names them when it shows what the target slot consists of.
/// </summary>
public sealed record SlotNames(Color Color)
{
    private string Prefix => StackResourceNames.SlotPrefix(Color);

    public string Cluster => StackResourceNames.Cluster(Color);

    public string Hsm(string zone) => Prefix + "hsm-" + zone;

    public string ClientGroup => Prefix + "client-sg";

    public string HsmIngress => Prefix + "hsm-from-clients";

    public string ClientToHsm => Prefix + "client-to-hsm";

    public string ClientHttps => Prefix + "client-https-out";

    public string AppFromAlb => Prefix + "app-from-alb";

    public string AlbToApp => Prefix + "alb-to-app";

    public string TestRoute => Prefix + "test-route";

    public string ClientToAlb => Prefix + "client-to-alb";

    public string Secret => Prefix + "secret";

    public string TargetGroup => Prefix + "tg";

    public string Role(string who) => $"{Prefix}{who}-role";

    public string RolePolicy(string who) => $"{Prefix}{who}-policy";

    /// <summary>The inline policy that lets the SSM agent on the slot's instances talk to Systems Manager.</summary>
    public string SsmAgentPolicy(string who) => $"{Prefix}{who}-ssm";

    public string Profile(string who) => $"{Prefix}{who}-profile";

    public string AdminHost => Prefix + "admin";

    public string LaunchTemplate => Prefix + "launch-template";

    public string AppGroup => Prefix + "app";
}
