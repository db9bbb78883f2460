using System.Text.RegularExpressions;
using HsmBlueGreen.Core.Settings;

namespace HsmBlueGreen.Core.Config;

/// <summary>
/// Finds a stack's config and binds it. A person's run reads Pulumi.&lt;stack&gt;.yaml; Pulumi's compiler call
/// reads PULUMI_CONFIG (the resolved config), still taking from the stack file which keys are secret.
/// </summary>
public static partial class StackConfigLoader
{
    public static string StackFileName(string stack) => $"Pulumi.{stack}.yaml";

    public static StackSettings FromStackFile(IProjectFiles files, string stack)
    {
        var text = ReadStackFile(files, stack, required: true)!;
        return StackSettingsBinder.Bind(stack, StackFileReader.Read(StackFileName(stack), text));
    }

    public static StackSettings FromPulumiConfig(IProjectFiles files, string stack, string? pulumiConfigJson)
    {
        var text = ReadStackFile(files, stack, required: false);
        var secretKeys = text is null
            ? new HashSet<string>(StringComparer.Ordinal)
            : StackFileReader.Read(StackFileName(stack), text).SecretKeys;
        return StackSettingsBinder.Bind(stack, PulumiConfigReader.Read(pulumiConfigJson, secretKeys));
    }

    private static string? ReadStackFile(IProjectFiles files, string stack, bool required)
    {
        if (!StackName().IsMatch(stack))
        {
            throw new ConfigException($"stack name '{stack}' is not valid: use letters, digits, '-', '_' or '.'. Fix: pass --stack dev or --stack prod.");
        }

        var text = files.Read(StackFileName(stack));
        if (text is null && required)
        {
            var known = string.Join(", ", files.StackNames());
            throw new ConfigException(
                $"unknown stack '{stack}': there is no {StackFileName(stack)} in {files.Directory} (stacks here: {(known.Length == 0 ? "none" : known)}). " +
                $"Fix: pass one of those with --stack, or create it with 'pulumi stack init {stack}' and set its config.");
        }

        return text;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex StackName();
}
