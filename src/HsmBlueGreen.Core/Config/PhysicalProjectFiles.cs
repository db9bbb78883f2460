namespace HsmBlueGreen.Core.Config;

/// <summary>
/// The one file-system adapter in Core, kept here because both programs (infra and hsm-rotate) read
/// stack files and neither may depend on the other. It only reads.
/// </summary>
public sealed class PhysicalProjectFiles(string directory) : IProjectFiles
{
    public const string ProjectFile = "Pulumi.yaml";

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>The nearest directory at or above <paramref name="start"/> that holds Pulumi.yaml.</summary>
    public static PhysicalProjectFiles? FindFrom(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ProjectFile)))
            {
                return new PhysicalProjectFiles(dir.FullName);
            }
        }

        return null;
    }

    public string? Read(string fileName)
    {
        var path = Path.Combine(Directory, fileName);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    public IEnumerable<string> StackNames() =>
        System.IO.Directory.EnumerateFiles(Directory, "Pulumi.*.yaml")
            .Select(Path.GetFileName)
            .Select(name => name!["Pulumi.".Length..^".yaml".Length])
            .Order(StringComparer.Ordinal);
}
