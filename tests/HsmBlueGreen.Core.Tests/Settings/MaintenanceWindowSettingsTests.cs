using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Settings;

namespace HsmBlueGreen.Core.Tests.Settings;

/// <summary>`maintenanceWindow: {start, maxDuration}`: when the maintenance-window strategy may stop the clients.</summary>
public sealed class MaintenanceWindowSettingsTests
{
    private static StackSettings Bind(string yaml) => StackSettingsBinder.Bind("test", StackFileReader.Read("Pulumi.test.yaml", yaml));

    private static string WithWindow(string start, string duration) =>
        StackYaml.Replace("  hsm-blue-green:traffic:", $"  hsm-blue-green:maintenanceWindow:\n    start: \"{start}\"\n    maxDuration: {duration}\n  hsm-blue-green:traffic:");

    private static ConfigError SingleError(string yaml) => Assert.Single(Assert.Throws<ConfigException>(() => Bind(yaml)).Errors);

    [Fact]
    public void DailyWindowBindsToAUtcStartAndDuration()
    {
        var window = Bind(WithWindow("02:00", "1h30m")).MaintenanceWindow;

        Assert.Equal(new MaintenanceWindow(new TimeOnly(2, 0), null, TimeSpan.FromMinutes(90)), window);
    }

    [Fact]
    public void OneOffWindowBindsToAnInstant()
    {
        var window = Bind(WithWindow("2026-11-29T01:00Z", "45m")).MaintenanceWindow;

        Assert.Equal(new DateTimeOffset(2026, 11, 29, 1, 0, 0, TimeSpan.Zero), window?.OnceAt);
    }

    [Fact]
    public void NoWindowIsConfiguredByDefault() => Assert.Null(Bind(StackYaml.Valid).MaintenanceWindow);

    [Fact]
    public void UnreadableStartIsRejected()
    {
        var error = SingleError(WithWindow("2am", "1h"));

        Assert.Equal(("maintenanceWindow.start", "2am"), (error.Key, error.Value));
    }

    [Fact]
    public void DurationLongerThanADayIsRejected()
    {
        var error = SingleError(WithWindow("02:00", "25h"));

        Assert.Equal(("maintenanceWindow.maxDuration", "25h"), (error.Key, error.Value));
    }

    [Fact]
    public void UnknownWindowKeyIsRejectedAsATypo()
    {
        var error = SingleError(StackYaml.Replace("  hsm-blue-green:traffic:", "  hsm-blue-green:maintenanceWindow:\n    start: \"02:00\"\n    maxDuration: 1h\n    duration: 1h\n  hsm-blue-green:traffic:"));

        Assert.Equal("maintenanceWindow.duration", error.Key);
    }
}
