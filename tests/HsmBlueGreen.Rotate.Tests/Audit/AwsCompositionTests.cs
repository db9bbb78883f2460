using HsmBlueGreen.Aws.Stack;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Tests.Audit;

public class AwsCompositionTests
{
    private static CliContext ContextWith(Dictionary<string, string> environment) =>
        new(TextWriter.Null, TextWriter.Null, TextReader.Null, name => environment.GetValueOrDefault(name), ".", TimeProvider.System, CancellationToken.None);

    [Fact]
    public void TheAuditsRegionComesFromTheCommandsEnvironment()
    {
        using var wiring = AwsComposition.ForAudit(ContextWith(new() { ["AWS_REGION"] = "eu-central-1" }), ".");

        Assert.Equal("eu-central-1", wiring.Region());
        Assert.IsType<PulumiStackControl>(wiring.Stack);
    }
}
