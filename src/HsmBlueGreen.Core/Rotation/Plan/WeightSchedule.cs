using System.Globalization;

namespace HsmBlueGreen.Core.Rotation.Plan;

/// <summary>The target slot's weights in percent, strictly increasing and ending at 100 (e.g. 10, 25, 50, 100).</summary>
public sealed record WeightSchedule
{
    private WeightSchedule(IReadOnlyList<int> percents) => Percents = percents;

    public static WeightSchedule Default { get; } = new([10, 25, 50, 100]);

    public IReadOnlyList<int> Percents { get; }

    public static WeightSchedule Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var percents = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var percent) || percent is < 1 or > 100)
            {
                throw new RotationInputException($"--steps '{text}': '{part}' is not a percentage from 1 to 100. Fix: e.g. --steps 10,25,50,100.");
            }

            if (percents.Count > 0 && percent <= percents[^1])
            {
                throw new RotationInputException($"--steps '{text}' is not increasing ({percents[^1]} then {percent}). Fix: list each weight once, smallest first, e.g. --steps 10,25,50,100.");
            }

            percents.Add(percent);
        }

        if (percents[^1] != 100)
        {
            throw new RotationInputException($"--steps '{text}' ends at {percents[^1]}, not 100, so the rotation would never finish. Fix: end the list with 100, e.g. --steps {string.Join(',', percents)},100.");
        }

        return new WeightSchedule(percents);
    }

    public override string ToString() => string.Join(',', Percents);

    public bool Equals(WeightSchedule? other) => other is not null && Percents.SequenceEqual(other.Percents);

    public override int GetHashCode() => Percents.Aggregate(17, (hash, p) => (hash * 31) + p);
}
