using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Rotate.Rotation;
using HsmBlueGreen.Rotate.Verbs;
using YamlDotNet.RepresentationModel;

namespace HsmBlueGreen.Rotate.Tests;

/// <summary>.github/workflows/rotate.yml: valid YAML, scheduled and dispatchable, approved stages, and only commands and flags hsm-rotate has.</summary>
public sealed class RotateWorkflowTests
{
    private static readonly YamlMappingNode Workflow = Load();

    private static YamlMappingNode Jobs => (YamlMappingNode)Workflow["jobs"];

    [Fact]
    public void EveryHsmRotateCommandIsAVerbWithFlagsItDeclares()
    {
        var verbs = HsmBlueGreen.Rotate.Cli.Commands.All().OfType<RotationCommand>().ToDictionary(c => c.Name, StringComparer.Ordinal);
        var commands = Runs().Where(r => r.Contains("$HSM_ROTATE ", StringComparison.Ordinal))
            .Select(r => r[(r.IndexOf("$HSM_ROTATE ", StringComparison.Ordinal) + "$HSM_ROTATE ".Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();

        Assert.Equal(3, commands.Count);
        Assert.All(commands, words =>
        {
            Assert.True(verbs.TryGetValue(words[0], out var verb), $"hsm-rotate has no verb '{words[0]}'");
            Assert.All(words.Where(w => w.StartsWith("--", StringComparison.Ordinal)), flag => Assert.Contains(flag[2..], verb!.DeclaredOptions));
        });
        Assert.Equal(["prepared", "rotated", "retired"], commands.Select(w => w[Array.IndexOf(w, "--until") + 1]));
        Assert.All(commands, words => Assert.Subset(new HashSet<string>(words, StringComparer.Ordinal), new HashSet<string>(["--json", "--yes", "--stack"], StringComparer.Ordinal)));
        Assert.All(CycleCommand.Goals, goal => Assert.Contains(commands, w => w.Contains(goal)));
    }

    [Fact]
    public void ItRunsQuarterlyOnAScheduleAndOnDispatchWithTheStackAsInput()
    {
        var on = (YamlMappingNode)Workflow["on"];

        Assert.Equal("0 3 1 1,4,7,10 *", ((YamlScalarNode)((YamlMappingNode)((YamlSequenceNode)on["schedule"])[0])["cron"]).Value);
        Assert.Equal("true", Scalar(on, "workflow_dispatch", "inputs", "stack", "required"));
    }

    [Fact]
    public void PulumiUpOfTheNewSlotAndTheTrafficMoveWaitForApprovalOneCyclePerStack()
    {
        Assert.Equal(("hsm-rotate-apply", "hsm-rotate-traffic"), (Scalar(Jobs, "prepare", "environment"), Scalar(Jobs, "rotate", "environment")));
        Assert.Equal(("prepare", "rotate"), (Scalar(Jobs, "rotate", "needs"), Scalar(Jobs, "retire", "needs")));
        Assert.Contains("inputs.stack", Scalar(Workflow, "concurrency", "group"), StringComparison.Ordinal);
        Assert.Equal("false", Scalar(Workflow, "concurrency", "cancel-in-progress"));
    }

    [Fact]
    public void EachStageAssumesItsRoleByOidcAndKeepsTheJournalAndASummary()
    {
        Assert.Equal("write", Scalar(Workflow, "permissions", "id-token"));
        foreach (var job in Jobs.Children.Values.Cast<YamlMappingNode>())
        {
            var steps = ((YamlSequenceNode)job["steps"]).Cast<YamlMappingNode>().ToList();
            Assert.Contains(steps, s => Uses(s).StartsWith("aws-actions/configure-aws-credentials@", StringComparison.Ordinal) && Scalar(s, "with", "role-to-assume") == "${{ vars.AWS_ROTATE_ROLE_ARN }}");
            Assert.Contains(steps, s => Uses(s).StartsWith("actions/upload-artifact@", StringComparison.Ordinal) && Scalar(s, "with", "path") == ".hsm-rotate/" && Scalar(s, "if") == "always()");
            Assert.Contains(steps, s => Scalar(s, "run")?.StartsWith("sh .ci/rotate-summary.sh", StringComparison.Ordinal) == true && Scalar(s, "if") == "always()");
        }
    }

    private static string Uses(YamlMappingNode step) => Scalar(step, "uses") ?? string.Empty;

    private static IEnumerable<string> Runs() => Jobs.Children.Values.Cast<YamlMappingNode>()
        .SelectMany(j => ((YamlSequenceNode)j["steps"]).Cast<YamlMappingNode>())
        .Select(s => Scalar(s, "run")).OfType<string>();

    private static string? Scalar(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next))
            {
                return null;
            }

            current = next;
        }

        return (current as YamlScalarNode)?.Value;
    }

    private static YamlMappingNode Load()
    {
        var root = PhysicalProjectFiles.FindFrom(AppContext.BaseDirectory)?.Directory ?? throw new InvalidOperationException("no Pulumi.yaml above the test assembly");
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(root, ".github", "workflows", "rotate.yml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
