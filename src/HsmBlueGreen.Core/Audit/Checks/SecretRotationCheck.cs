using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Audit.Checks;

/// <summary>Each slot's credential lives in Secrets Manager and changed within the limit (a rotation writes a new version).</summary>
public sealed class SecretRotationCheck() : AuditCheck(
    "secret-rotation",
    "credentials in Secrets Manager with a recent rotation",
    "rotate with 'hsm-rotate cycle --stack <stack>' (prepare, run, drain, retire; resumable), and keep it on a calendar with .github/workflows/rotate.yml (README, Rotate on a schedule); the audit reads the secret's last rotated or changed date.")
{
    public override async Task<AuditFinding> RunAsync(AuditSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var parts = new List<(AuditOutcome, string)>();
        foreach (var (color, slot) in session.Slots)
        {
            var secret = await session.Ports.Inventory.DescribeSecretRotationAsync(slot.SecretArn, cancellationToken).ConfigureAwait(false);
            var last = new[] { secret.LastRotated, secret.LastChanged }.Where(d => d is not null).Max();
            if (last is null)
            {
                parts.Add((AuditOutcome.CannotTell, $"{color.Key()}: {secret.Name} reports no rotation or change date"));
                continue;
            }

            var age = session.Now - last.Value;
            var evidence = $"{color.Key()}: {secret.Name} last changed {AuditText.Age(age)} ago ({AuditText.Date(last.Value)})";
            parts.Add((age <= session.Limits.SecretMaxAge ? AuditOutcome.Pass : AuditOutcome.Fail, evidence + (age <= session.Limits.SecretMaxAge ? string.Empty : $", limit {AuditText.Age(session.Limits.SecretMaxAge)}")));
        }

        return Combine(parts);
    }
}
