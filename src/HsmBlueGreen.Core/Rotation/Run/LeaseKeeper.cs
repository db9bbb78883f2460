using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Run;

/// <summary>
/// The run's lease on the target slot's secret (held in AWS through <see cref="IRotationLock"/>). Taken before the
/// first change, renewed between steps (the same run id extends its own lease), released when the run ends.
/// A crashed run's lease is taken over only by a resume that carries the same run id, or once it has expired.
/// </summary>
internal sealed class LeaseKeeper(RotationRun run, StackObservation observed, string owner)
{
    private string Resource => observed.Target.SecretArn;

    public async Task<string?> AcquireAsync()
    {
        var wanted = new RotationLease(run.RunId, owner, run.Clock.GetUtcNow() + Duration(run.Plan.Options));
        run.Call("lock:acquire", $"lease on {Resource} until {wanted.ExpiresAt:u}", new Dictionary<string, string> { ["resource"] = Resource, ["runId"] = run.RunId });
        var held = await run.Ports.Lock.TryAcquireAsync(Resource, wanted, run.CancellationToken).ConfigureAwait(false);
        if (string.Equals(held.RunId, run.RunId, StringComparison.Ordinal))
        {
            run.Record(EventKinds.Lock, $"lease held until {held.ExpiresAt:u}");
            return null;
        }

        return $"another rotation holds the lock on {run.Target.Key()}'s secret: run {held.RunId} by {held.Owner}, until {held.ExpiresAt:u}. " +
               $"Nothing was changed. Wait for it to finish (watch 'hsm-rotate status --stack {run.Stack}'); a crashed run's lock expires at that time.";
    }

    /// <summary>Renewed only between steps, so the lease must outlast the longest step: a bake, or a health wait.</summary>
    public static TimeSpan Duration(RotationOptions options)
    {
        var longestStep = options.Settle + options.Bake + TimeSpan.FromMinutes(5);
        var longest = longestStep > options.HealthTimeout ? longestStep : options.HealthTimeout;
        return longest + TimeSpan.FromMinutes(5) > options.LeaseDuration ? longest + TimeSpan.FromMinutes(5) : options.LeaseDuration;
    }

    public async Task ReleaseAsync()
    {
        run.Call("lock:release", $"release lease on {Resource}", new Dictionary<string, string> { ["resource"] = Resource, ["runId"] = run.RunId });
        await run.Ports.Lock.ReleaseAsync(Resource, run.RunId, CancellationToken.None).ConfigureAwait(false);
    }
}
