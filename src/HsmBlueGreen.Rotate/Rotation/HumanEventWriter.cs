using System.Globalization;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Run;
using Spectre.Console;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>
/// Live progress for a person: one line per step, weight change, bake tick and gate verdict, coloured on a terminal.
/// AWS calls are journalled always and shown only with --verbose.
/// </summary>
internal sealed class HumanEventWriter(IAnsiConsole console, bool verbose) : IRotationEvents
{
    public HumanEventWriter(TextWriter output, bool verbose, bool terminal = false)
        : this(Create(output, terminal), verbose)
    {
    }

    public void Emit(RotationEvent entry)
    {
        var (mark, style) = entry.Kind switch
        {
            EventKinds.RunStarted => ("==>", "bold"),
            EventKinds.StepStarted => ("-->", "bold"),
            EventKinds.StepDone => (" ok", "green"),
            EventKinds.StepSkipped => (" ok", "grey"),
            EventKinds.Weights => ("  %", "blue"),
            EventKinds.Bake => ("  ~", "grey"),
            EventKinds.Gate => ("  ?", entry.Field("verdict") == "Successful" ? "green" : "yellow"),
            EventKinds.Warning => ("  !", "yellow"),
            EventKinds.Rollback => ("<<<", "red bold"),
            EventKinds.Paused => ("||", "yellow bold"),
            EventKinds.Stopped => ("!!!", entry.Field("outcome") == nameof(RotationOutcome.Done) ? "green" : "red bold"),
            EventKinds.Finished => ("==>", "green bold"),
            EventKinds.Call or EventKinds.Lock or EventKinds.Request when verbose => ("  >", "grey"),
            EventKinds.Waiting => ("  ~", "grey"),
            EventKinds.Check => ("  .", "default"),
            _ => (null, "default"),
        };
        if (mark is null)
        {
            return;
        }

        var time = entry.At.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        var step = entry.Step is null ? string.Empty : $"[{entry.Step}] ";
        console.MarkupLine($"[grey]{time}[/] [{style}]{Markup.Escape(mark)} {Markup.Escape(step + entry.Message)}[/]");
    }

    /// <summary>A console on <paramref name="output"/>: colours and the terminal's width on a terminal, plain unwrapped lines elsewhere.</summary>
    public static IAnsiConsole Create(TextWriter output, bool terminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            // Redirected output goes to logs and CI: one event per line, never wrapped.
            console.Profile.Width = 10_000;
        }

        return console;
    }
}
