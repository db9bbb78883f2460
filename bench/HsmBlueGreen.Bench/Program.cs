using System.Diagnostics;
using System.Globalization;
using HsmBlueGreen.Bench;

// Usage: bench/run [runs]  (dotnet run -c Release --project bench/HsmBlueGreen.Bench -- [runs] [results-file])
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var output = args.Length > 1 ? args[1] : null;

// Each run appends to a journal file, as a real run does; start from an empty one.
var journals = Path.Combine(Path.GetTempPath(), "hsm-rotate-bench");
if (Directory.Exists(journals))
{
    Directory.Delete(journals, recursive: true);
}

var rotation = await Measure.RepeatAsync(runs, RotationBench.WholeRotationAsync);
var rollback = await Measure.RepeatAsync(runs, RotationBench.GateToRollbackAsync);

var report = Report.Render(runs, rotation, rollback);
Console.Write(report);
if (output is not null)
{
    // bench/RESULTS.md also holds the compiler figures (bench/compiler.sh): replace only our own section.
    await File.WriteAllTextAsync(output, ResultsSection.Replace(File.Exists(output) ? await File.ReadAllTextAsync(output) : string.Empty, "rotation", report));
}

namespace HsmBlueGreen.Bench
{
    internal static class ResultsSection
    {
        public static string Replace(string text, string name, string body)
        {
            var (start, end) = ($"<!-- {name}:start -->", $"<!-- {name}:end -->");
            var section = $"{start}\n{body.TrimEnd()}\n{end}\n";
            var from = text.IndexOf(start, StringComparison.Ordinal);
            var to = text.IndexOf(end, StringComparison.Ordinal);
            return from >= 0 && to > from
                ? text[..from] + section + text[(to + end.Length)..].TrimStart('\n')
                : text + (text.Length > 0 ? "\n" : string.Empty) + section;
        }
    }

    internal static class Measure
    {
        public static async Task<List<double>> RepeatAsync(int runs, Func<Task<TimeSpan>> once)
        {
            for (var warmup = 0; warmup < 20; warmup++)
            {
                await once();
            }

            var samples = new List<double>(runs);
            for (var i = 0; i < runs; i++)
            {
                samples.Add((await once()).TotalMilliseconds);
            }

            samples.Sort();
            return samples;
        }

        public static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];

        public static TimeSpan Since(long start) => Stopwatch.GetElapsedTime(start);
    }
}
