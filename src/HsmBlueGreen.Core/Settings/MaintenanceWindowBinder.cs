using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;

namespace HsmBlueGreen.Core.Settings;

/// <summary>`maintenanceWindow: {start, maxDuration}`: when the maintenance-window strategy may take the clients down.</summary>
internal static class MaintenanceWindowBinder
{
    public static MaintenanceWindow? Read(SettingReader read)
    {
        var start = read.Text("maintenanceWindow.start");
        var duration = read.Text("maintenanceWindow.maxDuration");
        if (read.Text("maintenanceWindow") is { } scalar)
        {
            read.Fail("maintenanceWindow", scalar, "must be a map with start and maxDuration", read.SetCommand("maintenanceWindow.start", "02:00"));
            return null;
        }

        if (start is null && duration is null)
        {
            return null;
        }

        if (start is null || !MaintenanceWindow.TryParseStart(start, out var daily, out var once))
        {
            read.Fail("maintenanceWindow.start", start, $"must be {MaintenanceWindow.StartFormats}", read.SetCommand("maintenanceWindow.start", "02:00"));
            return null;
        }

        if (duration is null || !Durations.TryParse(duration, out var maxDuration) || maxDuration <= TimeSpan.Zero || maxDuration > TimeSpan.FromHours(24))
        {
            read.Fail("maintenanceWindow.maxDuration", duration, "must be a duration from 1s to 24h such as 30m or 1h30m", read.SetCommand("maintenanceWindow.maxDuration", "1h"));
            return null;
        }

        return new MaintenanceWindow(daily, once, maxDuration);
    }
}
