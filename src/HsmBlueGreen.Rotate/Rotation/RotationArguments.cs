using System.Globalization;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>The options that shape a rotation (--steps, --bake, gates...), parsed once into <see cref="RotationOptions"/>.</summary>
internal static class RotationArguments
{
    public static readonly string[] ValueOptions = ["strategy", "window-start", "window-duration", "steps", "bake", "settle", "pause-at", "max-5xx-rate", "max-latency", "min-requests", "health-timeout", "client-count", "smoke-path"];

    /// <param name="saved">The options for what the command line leaves out: the run record's on resume, else the defaults.</param>
    public static RotationOptions Parse(CommandLine line, RotationOptions? saved = null)
    {
        string? Value(string name) => line.Value(name);

        var defaults = saved ?? RotationOptions.Default;
        var options = defaults with
        {
            Strategy = Value("strategy") is { } strategy ? Strategies.Parse(strategy) : defaults.Strategy,
            Window = Window(Value("window-start"), Value("window-duration")) ?? defaults.Window,
            Steps = Value("steps") is { } steps ? WeightSchedule.Parse(steps) : defaults.Steps,
            Bake = Duration(Value("bake"), "bake", defaults.Bake),
            Settle = Duration(Value("settle"), "settle", defaults.Settle),
            HealthTimeout = Duration(Value("health-timeout"), "health-timeout", defaults.HealthTimeout),
            PauseAt = Value("pause-at") is { } pause ? Percent("pause-at", pause) : defaults.PauseAt,
            ClientCount = Value("client-count") is { } clients ? Instances("client-count", clients) : defaults.ClientCount,
            SmokePath = Value("smoke-path") ?? defaults.SmokePath,
            Thresholds = new GateThresholds(
                Value("max-5xx-rate") is { } rate ? Percent("max-5xx-rate", rate.TrimEnd('%')) / 100.0 : defaults.Thresholds.Max5xxRate,
                Duration(Value("max-latency"), "max-latency", defaults.Thresholds.MaxLatency, allowMilliseconds: true),
                Value("min-requests") is { } min ? Count("min-requests", min) : defaults.Thresholds.MinRequests),
        };
        return options.Validated();
    }

    /// <summary>--window-start and --window-duration come together; without both the stack's maintenanceWindow applies.</summary>
    private static MaintenanceWindow? Window(string? start, string? duration)
    {
        if (start is null && duration is null)
        {
            return null;
        }

        if (start is null || duration is null)
        {
            throw new RotationInputException($"--window-start and --window-duration go together. Fix: pass both, e.g. --window-start 02:00 --window-duration 1h.");
        }

        if (!MaintenanceWindow.TryParseStart(start, out var daily, out var once))
        {
            throw new RotationInputException($"--window-start '{start}' is not {MaintenanceWindow.StartFormats}.");
        }

        var length = Durations.Parse("window-duration", duration);
        return length > TimeSpan.Zero
            ? new MaintenanceWindow(daily, once, length)
            : throw new RotationInputException("--window-duration must be longer than 0s.");
    }

    private static TimeSpan Duration(string? text, string name, TimeSpan fallback, bool allowMilliseconds = false)
    {
        if (text is null)
        {
            return fallback;
        }

        return allowMilliseconds && text.EndsWith("ms", StringComparison.Ordinal) && int.TryParse(text[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : Durations.Parse(name, text);
    }

    private static int Percent(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100
            ? value
            : throw new RotationInputException($"--{name} '{text}' is not a percentage from 0 to 100.");

    private static int Instances(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 100
            ? value
            : throw new RotationInputException($"--{name} '{text}' is not a number of instances from 1 to 100.");

    private static long Count(string name, string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new RotationInputException($"--{name} '{text}' is not a whole number.");
}
