using System.Text.Json.Nodes;
using HsmBlueGreen.Infra.Emit;
using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>The GitHub workflows users copy: a preview of dev on pull requests, an approved `up` of prod on main.</summary>
public sealed class WorkflowTests
{
    private static JsonObject Workflow(string name) =>
        YamlText.Read(File.ReadAllText(Path.Combine(Repo.Root, ".github", "workflows", name)))!.AsObject();

    private static IEnumerable<JsonNode> Steps(JsonObject workflow) =>
        workflow["jobs"]!.AsObject().SelectMany(j => j.Value!["steps"]!.AsArray()).Select(s => s!);

    private static JsonNode PulumiStep(JsonObject workflow) =>
        Assert.Single(Steps(workflow), s => ((string?)s["uses"])?.StartsWith("pulumi/actions@", StringComparison.Ordinal) == true);

    [Fact]
    public void PullRequestsBuildTestAndPreviewDev()
    {
        var workflow = Workflow("pull-request.yml");

        Assert.NotNull(workflow["on"]!["pull_request"]);
        Assert.Contains(Steps(workflow), s => (string?)s["run"] == ".ci/run");
        Assert.Equal(("preview", "dev"), ((string?)PulumiStep(workflow)["with"]!["command"], (string?)PulumiStep(workflow)["with"]!["stack-name"]));
    }

    [Fact]
    public void MainDeploysProdOnlyThroughTheApprovedEnvironment()
    {
        var workflow = Workflow("main.yml");
        var deploy = workflow["jobs"]!["deploy-prod"]!;

        Assert.Equal("production", (string?)deploy["environment"]);
        Assert.Equal("build-test", (string?)deploy["needs"]);
        Assert.Equal(("up", "prod"), ((string?)PulumiStep(workflow)["with"]!["command"], (string?)PulumiStep(workflow)["with"]!["stack-name"]));
    }

    [Fact]
    public void VersionTagsPublishHsmRotateForBothLinuxArchitecturesWithTheReadmeCommand()
    {
        var workflow = Workflow("release.yml");
        var rids = workflow["jobs"]!["hsm-rotate"]!["strategy"]!["matrix"]!["include"]!.AsArray().Select(e => (string?)e!["rid"]);
        var runs = Steps(workflow).Select(s => (string?)s["run"] ?? string.Empty);

        Assert.Equal(["v*"], workflow["on"]!["push"]!["tags"]!.AsArray().Select(t => (string?)t));
        Assert.Equal(["linux-x64", "linux-arm64"], rids);
        Assert.Contains(runs, r => r.Contains("dotnet publish src/HsmBlueGreen.Rotate -c Release -r ${{ matrix.rid }}", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Contains("gh release upload \"$GITHUB_REF_NAME\" dist/hsm-rotate-linux-x64 dist/hsm-rotate-linux-arm64", StringComparison.Ordinal));
    }
}
