using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>The shlex-like splitting the contract test applies to Pulumi.yaml's compiler command.</summary>
public sealed class ShellWordsTests
{
    [Fact]
    public void BlanksSeparateWords() => Assert.Equal(["sh", "infra/compile.sh"], ShellWords.Split("  sh   infra/compile.sh "));

    [Fact]
    public void QuotesGroupWords() => Assert.Equal(["sh", "-c", "a && b", "it's"], ShellWords.Split("sh -c \"a && b\" 'it'\\''s'"));

    [Fact]
    public void BackslashEscapesInsideDoubleQuotes() => Assert.Equal(["say \"hi\""], ShellWords.Split("\"say \\\"hi\\\"\""));

    [Fact]
    public void HashStartsAComment() => Assert.Equal(["run"], ShellWords.Split("run # comment"));

    [Fact]
    public void UnclosedQuoteIsAnError() => Assert.Throws<FormatException>(() => ShellWords.Split("sh -c 'oops"));
}
