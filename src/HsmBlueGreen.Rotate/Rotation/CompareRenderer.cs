using System.Globalization;
using System.Text;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Comparison;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Strategies;
using HsmBlueGreen.Core.Settings;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>The `plan --compare` text: each question answered for every strategy one under the other (golden-file tested).</summary>
internal static class CompareRenderer
{
    private const int NameWidth = 20;

    public static string Render(StackSettings settings, RotationOptions options)
    {
        var profiles = StrategyComparison.For(settings, options);
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line($"hsm-rotate plan --compare: stack {settings.Stack}, every strategy for the stack as configured");
        Line($"Read from Pulumi.{settings.Stack}.yaml only: no AWS call was made and nothing was changed.");
        Section(Line, "Downtime", profiles, p => [p.Downtime]);
        Section(Line, "What runs besides the serving slot", profiles, p => [p.Extra]);
        Section(Line, "For how long", profiles, p => [p.RunsFor]);
        Section(Line, $"Extra cost per hour while it runs (prices from Pulumi.{settings.Stack}.yaml, in their currency: USD for AWS list prices)", profiles, p => [Cost(p)]);
        Section(Line, "Must already be true", profiles, p => [.. p.Needs.Select(n => "- " + n)]);
        Section(Line, "Ready in this stack", profiles, p => [p.NotReady is null ? "yes" : "no: " + p.NotReady]);
        Line();
        if (StrategyComparison.Recommended(profiles) is { } best)
        {
            Line($"Fits the stated constraints: {best.Strategy.Key} ({best.FitsBecause}).");
            Line($"Next: hsm-rotate plan --stack {settings.Stack}{(best.Strategy == RotationStrategies.Default ? string.Empty : $" --strategy {best.Strategy.Key}")}");
        }
        else
        {
            Line("None fits the stack as configured: configure one of them as 'Must already be true' says, then compare again.");
        }

        return text.ToString();
    }

    private static void Section(Action<string> line, string title, IReadOnlyList<ApproachProfile> profiles, Func<ApproachProfile, IReadOnlyList<string>> cells)
    {
        line(string.Empty);
        line(title);
        foreach (var profile in profiles)
        {
            var values = cells(profile);
            for (var i = 0; i < values.Count; i++)
            {
                line($"  {(i == 0 ? profile.Strategy.Key : string.Empty),-NameWidth}{values[i]}");
            }
        }
    }

    private static string Cost(ApproachProfile profile) => profile.HourlyCost is { } cost
        ? cost.ToString("F4", CultureInfo.InvariantCulture)
        : $"unknown: set {profile.MissingPrice}";
}
