namespace HsmBlueGreen.Core.Ports;

/// <summary>Who the step program acts as (STS GetCallerIdentity): recorded in the journal and the lock.</summary>
public interface ICallerIdentity
{
    Task<CallerIdentity> GetAsync(CancellationToken cancellationToken);
}

public sealed record CallerIdentity(string Account, string Arn);
