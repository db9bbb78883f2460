using System.Text.Json.Nodes;
using HsmBlueGreen.Infra.Declarations;
using HsmBlueGreen.Infra.Emit;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;
using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>The printed YAML reads back exactly as built, keeps strings strings, and refers only to what it declares.</summary>
public sealed class EmitterTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("443")]
    [InlineData("null")]
    [InlineData("2012-10-17")]
    [InlineData("1.5")]
    [InlineData("")]
    public void StringsThatLookLikeOtherTypesAreQuoted(string text)
    {
        var yaml = YamlText.Write(new JsonObject { ["value"] = text });

        Assert.Equal($"value: \"{text}\"\n", yaml);
        Assert.Equal(text, (string?)YamlText.Read(yaml)!["value"]);
    }

    [Fact]
    public void MultiLineTextIsALiteralBlock()
    {
        var yaml = YamlText.Write(new JsonObject { ["script"] = "#!/bin/bash\necho $$HOME\n" });

        Assert.Equal("script: |\n  #!/bin/bash\n  echo $$HOME\n", yaml);
    }

    [Fact]
    public void NumbersAndBooleansStayTyped()
    {
        var tree = new JsonObject { ["port"] = 443, ["internal"] = true, ["list"] = new JsonArray(1, "a") };

        Assert.Equal(tree.ToJsonString(), YamlText.Read(YamlText.Write(tree))!.ToJsonString());
    }

    [Fact]
    public void EscapedDollarsAreNotReferences()
    {
        Assert.Equal(["a.b"], Interpolation.Accesses("$${HOME} ${a.b} $$x"));
    }

    [Fact]
    public void FillEscapesTheTemplateButNotTheExpressions()
    {
        var text = Interpolation.Fill("echo ${HOME} {{id}}", new Dictionary<string, string> { ["id"] = "${c.clusterId}" });

        Assert.Equal("echo $${HOME} ${c.clusterId}", text);
    }

    [Fact]
    public void ReferenceToAnUndeclaredResourceFailsTheSelfCheck()
    {
        var program = ProgramBuilder.Build(DiscoverySettings.Create());
        var broken = program.With("alerts-target", r => r with { Body = new EventTarget("${alerts-rul.name}", "${alerts-topic.arn}") });

        var error = Assert.Throws<InvalidOperationException>(() => ProgramEmitter.Emit(broken));
        Assert.Contains("'alerts-rul'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamespacedConfigAndPulumiVariablesAreKnownReferences()
    {
        var document = new JsonObject { ["name"] = "p", ["resources"] = new JsonObject(), ["outputs"] = new JsonObject { ["r"] = "${aws:region}", ["s"] = "${pulumi.stack}" } };

        ProgramEmitter.Verify(YamlText.Write(document), document);
    }

    [Fact]
    public void TextThatDoesNotReadBackAsBuiltFailsTheSelfCheck()
    {
        var document = new JsonObject { ["name"] = "p", ["resources"] = new JsonObject() };

        Assert.Throws<InvalidOperationException>(() => ProgramEmitter.Verify("name: q\nresources: {}\n", document));
    }

    [Fact]
    public void UnsetInputsAreLeftOutAndNamesAreCamelCase()
    {
        var properties = ProgramDocument.Properties(new CloudHsmHsm("${c.clusterId}") { SubnetId = "subnet-0a1b2c3d" });

        Assert.Equal("""{"clusterId":"${c.clusterId}","subnetId":"subnet-0a1b2c3d"}""", properties.ToJsonString());
    }

    [Fact]
    public void FunctionCallsPrintAsOneKeyMaps()
    {
        var properties = ProgramDocument.Properties(new IamRolePolicy("${r.name}", new JsonText(new JsonObject { ["Version"] = "2012-10-17" })));

        Assert.Equal("""{"role":"${r.name}","policy":{"fn::toJSON":{"Version":"2012-10-17"}}}""", properties.ToJsonString());
    }

    [Fact]
    public void LookupsPrintGetInsteadOfProperties()
    {
        var program = new StackProgram("p", "d", [], [new Resource("c", new Lookup(CloudHsmCluster.Token, "cluster-jxhlf7644ne"), new ResourceOptions(AwsProvider.Version))], []);

        Assert.Equal(
            "name: p\ndescription: d\nresources:\n  c:\n    type: aws:cloudhsmv2:Cluster\n    get:\n      id: cluster-jxhlf7644ne\n    options:\n      version: 7.48.0\noutputs: {}\n",
            ProgramEmitter.Emit(program));
    }
}
