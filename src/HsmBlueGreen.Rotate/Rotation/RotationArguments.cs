using System.Globalization;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Strategies;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>The options that shape a rotation (--steps, --bake, gates...), parsed once into <see cref="RotationOptions"/>.</summary>
internal static class RotationArguments
{
    public static readonly string[] ValueOptions = ["strategy", "window-start", "window-duration", "steps", "bake", "settle", "pause-at", "max-5xx-rate", "max-latency", "min-requests", "health-timeout", "client-count", "smoke-path"];

    public static readonly string[] Switches = [NoBake];

    private const string NoBake = "acknowledge-no-bake";

    /// <summary>
    /// Each value's own rule, run by the parser as the option's custom parser so a bad value is a parse error; the
    /// rules that need two options (a pause weight among the steps, both window options) run in <see cref="Parse"/>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Action<string>> ValueRules = new Dictionary<string, Action<string>>(StringComparer.Ordinal)
    {
        ["strategy"] = text => RotationStrategies.For(text),
        ["window-start"] = text => WindowStart(text),
        ["window-duration"] = text => Positive("window-duration", Durations.Parse("window-duration", text)),
        ["steps"] = text => WeightSchedule.Parse(text),
        ["bake"] = text => Durations.Parse("bake", text),
        ["settle"] = text => Durations.Parse("settle", text),
        ["health-timeout"] = text => Positive("health-timeout", Durations.Parse("health-timeout", text)),
        ["max-latency"] = text => Positive("max-latency", Duration(text, "max-latency", TimeSpan.Zero, allowMilliseconds: true)),
        ["pause-at"] = text => Percent("pause-at", text),
        ["max-5xx-rate"] = text => Percent("max-5xx-rate", text.TrimEnd('%')),
        ["min-requests"] = text => Count("min-requests", text),
        ["client-count"] = text => Instances("client-count", text),
    };

    /// <param name="saved">The options for what the command line leaves out: the run record's on resume, else the defaults.</param>
    public static RotationOptions Parse(CommandLine line, RotationOptions? saved = null)
    {
        string? Value(string name) => line.Value(name);

        foreach (var (name, rule) in ValueRules)
        {
            if (Value(name) is { } text)
            {
                rule(text);
            }
        }

        var defaults = saved ?? RotationOptions.Default;
        var options = defaults with
        {
            StrategyKey = Value("strategy") is { } strategy ? RotationStrategies.For(strategy).Key : defaults.StrategyKey,
            Window = Window(Value("window-start"), Value("window-duration")) ?? defaults.Window,
            Steps = Value("steps") is { } steps ? WeightSchedule.Parse(steps) : defaults.Steps,
            Bake = Duration(Value("bake"), "bake", defaults.Bake),
            Settle = Duration(Value("settle"), "settle", defaults.Settle),
            HealthTimeout = Duration(Value("health-timeout"), "health-timeout", defaults.HealthTimeout),
            PauseAt = Value("pause-at") is { } pause ? Percent("pause-at", pause) : defaults.PauseAt,
            ClientCount = Value("client-count") is { } clients ? Instances("client-count", clients) : defaults.ClientCount,
            SmokePath = Value("smoke-path") ?? defaults.SmokePath,
            Gates = GateArguments.Apply(defaults.Gates, option => Threshold(option, Value(option)), Value("min-requests") is { } min ? Count("min-requests", min) : null),
        };
        if (options.Bake == TimeSpan.Zero && line.Value("bake") is not null && !line.Has(NoBake))
        {
            throw new RotationInputException($"--bake 0s judges every gate the moment traffic moves, on whatever data exists. Fix: give a bake, e.g. --bake 5m, or add --{NoBake} to mean it.");
        }

        return options.Validated();
    }

    /// <summary>A gate option's value in its gate's unit: a fraction for a rate, seconds for latency.</summary>
    private static double? Threshold(string option, string? text) => text is null ? null : option switch
    {
        "max-5xx-rate" => Percent(option, text.TrimEnd('%')) / 100.0,
        _ => Duration(text, option, TimeSpan.Zero, allowMilliseconds: true).TotalSeconds,
    };

    private static void Positive(string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new RotationInputException($"--{name} must be longer than 0s: nothing can pass in no time. Fix: leave it out for the default ({OptionHelp.For(string.Empty, name).Default}).");
        }
    }

    private static void WindowStart(string text)
    {
        if (!MaintenanceWindow.TryParseStart(text, out _, out _))
        {
            throw new RotationInputException($"--window-start '{text}' is not {MaintenanceWindow.StartFormats}.");
        }
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

        _ = MaintenanceWindow.TryParseStart(start, out var daily, out var once);
        return new MaintenanceWindow(daily, once, Durations.Parse("window-duration", duration));
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
