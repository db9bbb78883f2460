using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace HsmBlueGreen.Bench;

internal static class Report
{
    public static string Render(int runs, List<double> rotation, List<double> rollback)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine("## hsm-rotate: the step program's own overhead");
        text.AppendLine();
        text.AppendLine(c, $"Produced by `bench/run {runs}` ({runs} measured runs after 20 warm-up runs each; {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores).");
        text.AppendLine("Ports are the in-memory fakes of the scenario tests, so the figures are the step program's own overhead (planning, reconciling, gates, journal file writes, JSON events), not AWS latency.");
        text.AppendLine();
        text.AppendLine("| measure | median | p90 | min | max |");
        text.AppendLine("|---|---|---|---|---|");
        Row(text, "whole rotation, zero waits (4 weight steps, dev stack)", rotation);
        Row(text, "failed gate verdict -> rollback request (ModifyListener)", rollback);
        return text.ToString();
    }

    private static void Row(StringBuilder text, string name, List<double> sorted) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Measure.Percentile(sorted, 0.5):F3} ms | {Measure.Percentile(sorted, 0.9):F3} ms | {sorted[0]:F3} ms | {sorted[^1]:F3} ms |");
}
