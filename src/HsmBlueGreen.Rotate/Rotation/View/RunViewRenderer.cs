using System.Globalization;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace HsmBlueGreen.Rotate.Rotation.View;

/// <summary>The live view of a run as Spectre tables: where it stands, then each gate's latest verdict against its limit.</summary>
internal static class RunViewRenderer
{
    public static IRenderable Render(RunViewState view, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(view);
        var facts = new Table().Border(TableBorder.Rounded).HideHeaders().Expand()
            .Title(Markup.Escape(view.Title ?? "waiting for the run to start"))
            .AddColumn(new TableColumn("what").NoWrap())
            .AddColumn(new TableColumn("now"));
        Add(facts, "step", view.StepCount > 0 ? $"{Number(view.StepIndex)} of {Number(view.StepCount)}  {view.StepTitle}" : view.StepTitle);
        Add(facts, "weights", Weights(view));
        Add(facts, "bake", view.BakeLeft(now) is { } left ? $"{Durations.Format(left)} left at {Number(view.BakePercent ?? 0)}%" : null);
        Add(facts, "waiting", view.Waiting);
        Add(facts, "targets", view.Health);
        Add(facts, "elapsed", Elapsed(view, now));
        if (view.Alert is { } alert)
        {
            facts.AddRow(new Text(view.Ended ? "result" : "note"), new Text(alert, new Style(view.Outcome is null or nameof(RotationOutcome.Done) ? Color.Default : Color.Red)));
        }

        if (view.Gates.Count == 0)
        {
            return facts;
        }

        var gates = new Table().Border(TableBorder.Rounded).Expand()
            .AddColumn(new TableColumn("gate").NoWrap())
            .AddColumn(new TableColumn("at").NoWrap().RightAligned())
            .AddColumn(new TableColumn("verdict").NoWrap())
            .AddColumn(new TableColumn("latest, against its limit"));
        foreach (var line in view.Gates)
        {
            var at = line.AtPercent is { } percent ? $"{Number(percent)}%" : string.Empty;
            gates.AddRow(new Text(line.Gate), new Text(at), new Text(line.Verdict, new Style(VerdictColor(line.Verdict))), new Text(line.Detail));
        }

        return new Rows(facts, gates);
    }

    private static void Add(Table table, string what, string? now)
    {
        if (now is not null)
        {
            table.AddRow(new Text(what), new Text(now));
        }
    }

    private static string? Weights(RunViewState view)
    {
        var parts = new List<string>();
        if (view.SetPercent is { } set && view.Target is { } target)
        {
            var (blue, green) = target == "green" ? (100 - set, set) : (set, 100 - set);
            parts.Add($"set blue {Number(blue)} / green {Number(green)}");
        }

        if (view.ReadBack is { } read)
        {
            parts.Add($"listener reads blue {Number(read.Blue)} / green {Number(read.Green)}");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string Elapsed(RunViewState view, DateTimeOffset now)
    {
        var elapsed = Durations.Format(view.Elapsed(now));
        if (view.Ended)
        {
            return view.ExitCode is { } code ? $"{elapsed}, ended {view.Outcome} (exit {Number(code)})" : $"{elapsed}, ended {view.Outcome}";
        }

        return view.Rest(now) is { } rest ? $"{elapsed}, about {Durations.Format(rest)} to go" : elapsed;
    }

    private static Color VerdictColor(string verdict) => verdict switch
    {
        "Successful" => Color.Green,
        "Failed" => Color.Red,
        _ => Color.Yellow,
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
