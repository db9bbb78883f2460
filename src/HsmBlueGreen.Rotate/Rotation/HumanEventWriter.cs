using System.Globalization;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Run;
using Spectre.Console;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>
/// Live progress for a person: one line per step, weight change, bake tick and gate verdict, coloured on a terminal.
/// AWS calls are journalled always and shown only with --verbose.
/// </summary>
internal sealed class HumanEventWriter(TextWriter output, bool verbose) : IRotationEvents
{
    private readonly IAnsiConsole console = Create(output);

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
            EventKinds.Call or EventKinds.Lock when verbose => ("  >", "grey"),
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

    private static IAnsiConsole Create(TextWriter output)
    {
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
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
