using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Tests.Rotation;

public sealed class ScheduleTests
{
    [Fact]
    public void StepsParseIntoTheirPercents() => Assert.Equal([5, 50, 100], WeightSchedule.Parse("5, 50,100").Percents);

    [Theory]
    [InlineData("10,25,25,100", "is not increasing (25 then 25)")]
    [InlineData("50,10,100", "is not increasing (50 then 10)")]
    [InlineData("10,25,50", "ends at 50, not 100")]
    [InlineData("10,abc,100", "'abc' is not a percentage from 1 to 100")]
    [InlineData("0,100", "'0' is not a percentage from 1 to 100")]
    [InlineData("10,101", "'101' is not a percentage from 1 to 100")]
    public void BadStepListsAreRefusedWithTheReason(string steps, string reason)
    {
        var error = Assert.Throws<RotationInputException>(() => WeightSchedule.Parse(steps));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5m", 300)]
    [InlineData("90s", 90)]
    [InlineData("1h30m", 5400)]
    [InlineData("0s", 0)]
    public void DurationsParseFromOperatorText(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Durations.Parse("bake", text));

    [Theory]
    [InlineData("5")]
    [InlineData("five minutes")]
    [InlineData("")]
    [InlineData("25h")]
    public void UnparseableDurationsAreBadInput(string text) =>
        Assert.StartsWith("--bake '", Assert.Throws<RotationInputException>(() => Durations.Parse("bake", text)).Message, StringComparison.Ordinal);

    [Fact]
    public void DurationsPrintCompactly() => Assert.Equal(["5m", "1h30m", "0s", "22m"], new[] { TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(90), TimeSpan.Zero, TimeSpan.FromSeconds(1320) }.Select(Durations.Format));

    [Fact]
    public void PauseAtMustBeOneOfTheSteps()
    {
        var error = Assert.Throws<RotationInputException>(() => (RotationOptions.Default with { PauseAt = 30 }).Validated());

        Assert.Equal("--pause-at 30 is not one of the steps (10,25,50,100). Fix: pause at one of them, e.g. --pause-at 10.", error.Message);
    }

    [Fact]
    public void PlanGoesFromTheServingSlotToTheOther()
    {
        var plan = new RotationHarness().Plan();

        Assert.Equal((Color.Blue, Color.Green), (plan.Source, plan.Target));
        Assert.Equal(["preflight", "quiesce", "seed-secret", "create-pending", "set-password", "verify-password", "promote-secret", "start-target", "set-weight-10", "bake-10", "judge-10", "set-weight-25", "bake-25", "judge-25", "set-weight-50", "bake-50", "judge-50", "set-weight-100", "bake-100", "judge-100", "done"], plan.Steps.Select(s => s.Name));
    }

    [Fact]
    public void TargetStartsWithTheSourcesClientCount() =>
        Assert.Equal(new RotationStep.StartTarget(2), new RotationHarness().Plan().Steps.OfType<RotationStep.StartTarget>().Single());

    [Fact]
    public void TokensAreStableForOneSourceVersionAndDifferForTheNext()
    {
        Assert.Equal(RotationTokens.For("v1"), RotationTokens.For("v1"));
        Assert.NotEqual(RotationTokens.For("v1").Pending, RotationTokens.For("v2").Pending);
        Assert.NotEqual(RotationTokens.For("v1").Seed, RotationTokens.For("v1").Pending);
    }

    [Fact]
    public void LeaseOutlastsALongBakeBecauseItIsRenewedOnlyBetweenSteps()
    {
        var options = RotationOptions.Default with { Bake = TimeSpan.FromHours(2) };

        Assert.True(LeaseKeeper.Duration(options) > options.Bake + options.Settle, $"lease {LeaseKeeper.Duration(options)}");
        Assert.Equal(RotationOptions.Default.LeaseDuration, LeaseKeeper.Duration(RotationOptions.Default));
    }
}
