using System.Text.Json;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Rotate.Rotation;
using HsmBlueGreen.Rotate.Rotation.View;
using Spectre.Console;

namespace HsmBlueGreen.Rotate.Tests.View;

/// <summary>A real run's events (from its --json output) and the live view rendered on a fixed-width, colourless console.</summary>
internal static class ViewEvents
{
    public static IReadOnlyList<RotationEvent> Parse(string jsonLines) =>
        [.. jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonSerializer.Deserialize(line, EventJson.Default.RotationEvent)!)];

    public static IReadOnlyList<JsonElement> Elements(string jsonLines) =>
        [.. jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)];

    public static string Render(RunViewState state, DateTimeOffset now, int width = 100)
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Write(RunViewRenderer.Render(state, now));
        return output.ToString();
    }

    public static RunView Fold(IEnumerable<RotationEvent> events)
    {
        var view = new RunView();
        foreach (var entry in events)
        {
            view.Apply(entry);
        }

        return view;
    }
}
