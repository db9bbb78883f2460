using HsmBlueGreen.Aws.Http;

namespace HsmBlueGreen.Aws.Tests.Http;

public class RetryPolicyTests
{
    private static RetryPolicy Policy(double jitter, int attempts = 10, double totalSeconds = 100) => new(
        attempts, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(totalSeconds), TimeSpan.FromSeconds(5), () => jitter, (_, _) => Task.CompletedTask);

    [Fact]
    public void BackoffDoublesUpToTheCapTimesTheJitter()
    {
        var policy = Policy(jitter: 0.5);

        var delays = Enumerable.Range(1, 6).Select(retry => policy.NextDelay(retry, TimeSpan.Zero)!.Value.TotalMilliseconds);

        Assert.Equal([50, 100, 200, 400, 500, 500], delays);
    }

    [Fact]
    public void NoRetryAfterTheLastAttempt() =>
        Assert.Null(Policy(jitter: 1, attempts: 3).NextDelay(3, TimeSpan.Zero));

    [Fact]
    public void NoRetryWhenTheWaitWouldReachTheTotalBudget() =>
        Assert.Null(Policy(jitter: 1, totalSeconds: 1).NextDelay(4, TimeSpan.FromMilliseconds(300)));

    [Fact]
    public void AnAttemptNeverRunsPastTheTotalBudget() =>
        Assert.Equal(
            [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2)],
            new[] { 0, 90, 98 }.Select(used => Policy(jitter: 1).AttemptTimeoutAfter(TimeSpan.FromSeconds(used))));
}
