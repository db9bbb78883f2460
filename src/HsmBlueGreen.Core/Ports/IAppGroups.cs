namespace HsmBlueGreen.Core.Ports;

/// <summary>A slot's application auto scaling group: quiesced to zero before its user's password changes.</summary>
public interface IAppGroups
{
    Task<AppGroupState> DescribeAsync(string groupName, CancellationToken cancellationToken);

    Task SetDesiredCapacityAsync(string groupName, int desired, CancellationToken cancellationToken);
}

/// <summary><paramref name="Instances"/> counts every instance still attached, whatever its lifecycle state (Standby included).</summary>
public sealed record AppGroupState(string Name, int Desired, int MinSize, int MaxSize, int InService, int Instances)
{
    /// <summary>
    /// Those of <see cref="Instances"/> in Standby (or entering it): still running, out of the load balancer, and
    /// never terminated by a scale-in, so setting the desired capacity to 0 leaves them (and their HSM sessions) in place.
    /// </summary>
    public int Standby { get; init; }
}
