namespace HsmBlueGreen.Core.Ports;

/// <summary>A slot's application auto scaling group: quiesced to zero before its user's password changes.</summary>
public interface IAppGroups
{
    Task<AppGroupState> DescribeAsync(string groupName, CancellationToken cancellationToken);

    Task SetDesiredCapacityAsync(string groupName, int desired, CancellationToken cancellationToken);
}

/// <summary><paramref name="Instances"/> counts every instance still attached, whatever its lifecycle state.</summary>
public sealed record AppGroupState(string Name, int Desired, int MinSize, int MaxSize, int InService, int Instances);
