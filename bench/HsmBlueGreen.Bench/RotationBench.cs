using System.Diagnostics;
using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;

namespace HsmBlueGreen.Bench;

/// <summary>
/// The orchestrator's own cost: a whole rotation with every wait at zero (bake, settle, polls) against the in-memory
/// account, journalling to a real file; and the time from a failed gate's verdict to the rollback request. The run uses
/// the account's jumping clock: the gates wait for a complete CloudWatch period even at a zero bake, in no real time.
/// </summary>
internal static class RotationBench
{
    private static readonly RotationOptions ZeroWaits = RotationOptions.Default with
    {
        Bake = TimeSpan.Zero,
        Settle = TimeSpan.Zero,
        PollInterval = TimeSpan.Zero,
    };

    private static readonly string Project = FindProject();

    public static async Task<TimeSpan> WholeRotationAsync()
    {
        var (run, _, _) = NewRun(failAtPercent: null);
        var start = Stopwatch.GetTimestamp();
        var result = await RotationRunner.RunAsync(run, new RunRequest(RunMode.Fresh, DryRun: false));
        var elapsed = Measure.Since(start);
        return result.Outcome == RotationOutcome.Done ? elapsed : throw new InvalidOperationException(result.Message);
    }

    public static async Task<TimeSpan> GateToRollbackAsync()
    {
        var (run, metrics, loadBalancer) = NewRun(failAtPercent: 25);
        var result = await RotationRunner.RunAsync(run, new RunRequest(RunMode.Fresh, DryRun: false));
        if (result.Outcome != RotationOutcome.RolledBack || metrics.FailedAt is not { } failed || loadBalancer.RollbackAt is not { } rolledBack)
        {
            throw new InvalidOperationException($"expected a rollback: {result.Message}");
        }

        return Stopwatch.GetElapsedTime(failed, rolledBack);
    }

    private static (RotationRun Run, TimedMetrics Metrics, TimedLoadBalancer LoadBalancer) NewRun(int? failAtPercent)
    {
        var account = new FakeAccount("dev");
        var metrics = new TimedMetrics(new FakeMetrics(account) { FailAtPercent = failAtPercent });
        var loadBalancer = new TimedLoadBalancer(new FakeLoadBalancer(account));
        var settings = StackConfigLoader.FromStackFile(new PhysicalProjectFiles(Project), "dev");
        var journal = new Rotate.Rotation.JournalFile(Path.Combine(Path.GetTempPath(), "hsm-rotate-bench"), "dev");
        var events = new Rotate.Rotation.JsonEventWriter(TextWriter.Null);
        var run = new RotationRun(RotationPlan.For(settings, ZeroWaits), account.Ports(loadBalancer, metrics), account.Clock, journal, events, Guid.NewGuid().ToString("N")[..12], default);
        return (run, metrics, loadBalancer);
    }

    private static string FindProject()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.dev.yaml")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Pulumi.dev.yaml not found above the bench binaries");
    }
}

/// <summary>Stamps the moment the failing figures are handed to the gate.</summary>
internal sealed class TimedMetrics(FakeMetrics inner) : IMetrics
{
    public long? FailedAt { get; private set; }

    public async Task<TargetGroupMetrics> GetTargetGroupMetricsAsync(TargetGroupMetricsQuery query, CancellationToken cancellationToken)
    {
        var metrics = await inner.GetTargetGroupMetricsAsync(query, cancellationToken);
        if (metrics.Http5xxCount > 0)
        {
            FailedAt = Stopwatch.GetTimestamp();
        }

        return metrics;
    }
}

/// <summary>Stamps the moment the rollback request (blue at 100, green listed at 0) reaches the load balancer port.</summary>
internal sealed class TimedLoadBalancer(FakeLoadBalancer inner) : ILoadBalancer
{
    public long? RollbackAt { get; private set; }

    public Task<ListenerState> GetListenerAsync(string listenerArn, CancellationToken cancellationToken) => inner.GetListenerAsync(listenerArn, cancellationToken);

    public Task SetWeightsAsync(string listenerArn, IReadOnlyList<TargetGroupWeight> weights, int? stickinessSeconds, CancellationToken cancellationToken)
    {
        if (weights.All(w => w.Weight == (w.TargetGroupArn.EndsWith("blue", StringComparison.Ordinal) ? 100 : 0)))
        {
            RollbackAt ??= Stopwatch.GetTimestamp();
        }

        return inner.SetWeightsAsync(listenerArn, weights, stickinessSeconds, cancellationToken);
    }

    public Task<IReadOnlyList<TargetHealth>> GetTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken) => inner.GetTargetHealthAsync(targetGroupArn, cancellationToken);

    public Task<IReadOnlyList<ListenerRule>> GetRulesAsync(string listenerArn, CancellationToken cancellationToken) => inner.GetRulesAsync(listenerArn, cancellationToken);
}
