namespace HsmBlueGreen.Core.Audit.Checks;

/// <summary>A trail is logging this region: the alert rules see CloudHSM API calls only through CloudTrail.</summary>
public sealed class CloudTrailCheck() : AuditCheck(
    "cloudtrail",
    "CloudTrail logging in the region",
    "create a multi-region trail or start the existing one (aws cloudtrail start-logging --name <trail>); the alert rules depend on its management events.")
{
    public override async Task<AuditFinding> RunAsync(AuditSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var trails = await session.Ports.Inventory.DescribeTrailsAsync(cancellationToken).ConfigureAwait(false);
        var covering = trails.Where(t => t.MultiRegion || string.Equals(t.HomeRegion, session.Region, StringComparison.Ordinal)).ToList();
        var logging = covering.Where(t => t.Logging).Select(t => t.Name).ToList();
        if (logging.Count > 0)
        {
            return Pass($"{string.Join(", ", logging)} logging {session.Region}");
        }

        var seen = trails.Select(t => $"{t.Name} ({(t.Logging ? "logging" : "stopped")}, {(t.MultiRegion ? "all regions" : t.HomeRegion + " only")})");
        return Fail(trails.Count == 0 ? $"no trail in {session.Region}" : $"no trail logs {session.Region}: {string.Join(", ", seen)}");
    }
}
