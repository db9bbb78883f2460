namespace HsmBlueGreen.Core.Config;

/// <summary>The Pulumi project directory: Pulumi.yaml and the Pulumi.&lt;stack&gt;.yaml stack files beside it.</summary>
public interface IProjectFiles
{
    string Directory { get; }

    /// <summary>The file's text, or null when it does not exist.</summary>
    string? Read(string fileName);

    IEnumerable<string> StackNames();
}
