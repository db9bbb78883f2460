using HsmBlueGreen.Core.Config;

namespace HsmBlueGreen.Core.Settings;

/// <summary>
/// `keyLabels`: the labels of every key the application uses. The dual-user strategy checks, before it changes
/// anything, that each of them is shared between both slots' crypto users.
/// </summary>
internal static class KeyLabelBinder
{
    public static IReadOnlyList<string> Read(SettingReader read)
    {
        var labels = read.List("keyLabels", IdRule.KeyLabel, "key labels");
        foreach (var repeated in labels.GroupBy(l => l, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            read.Fail("keyLabels", repeated.Key, "lists a label twice", $"remove the repeat: pulumi config rm --stack <stack> --path 'keyLabels[{labels.LastIndexOf(repeated.Key)}]'");
        }

        return [.. labels.Distinct(StringComparer.Ordinal)];
    }
}
