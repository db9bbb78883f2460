using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Tests.Rotation.Fakes;

/// <summary>
/// A GET through the load balancer from a slot's admin host, routed as an ALB routes it: a rule whose header matches
/// (the slot's test route) wins, otherwise the default action's heaviest target group answers.
/// </summary>
public sealed class FakeSmokeCheck(FakeAccount account) : ISmokeCheck
{
    public Task<SmokeCheckResult> GetAsync(SmokeCheckRequest request, CancellationToken cancellationToken)
    {
        account.Touch("smoke.get");
        account.SmokeRequests.Add(request);
        var routed = account.Outputs.Values.Select(o => o.TargetGroupArn)
            .FirstOrDefault(tg => request.HeaderName == TestRoute.HeaderName && account.TestRoutes.Contains(tg) && account.Outputs.Any(o => o.Value.TargetGroupArn == tg && TestRoute.HeaderValue(o.Key) == request.HeaderValue))
            ?? account.Weights.MaxBy(w => w.Weight)!.TargetGroupArn;
        var status = account.AppStatus.GetValueOrDefault(routed, 200);
        return Task.FromResult(new SmokeCheckResult(SmokeCheckOutcome.Answered, status, $"HTTP {status}"));
    }
}
