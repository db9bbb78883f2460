namespace HsmBlueGreen.Infra.Tests.Support;

/// <summary>
/// A throw-away copy of what the compiler command reads: the project and stack files, the build settings,
/// infra/ and Core's sources, plus the repository's native and Debug builds of the infra program. Modification
/// times are kept, so the copy is exactly as up to date as the checkout it came from.
/// </summary>
internal sealed class TreeCopy : IDisposable
{
    private static readonly string[] Files = ["Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.prod.yaml", "Directory.Build.props", "Directory.Packages.props", "global.json", "infra/compile.sh"];

    private TreeCopy(string root) => Root = root;

    public string Root { get; }

    public static TreeCopy OfRepo()
    {
        var copy = new TreeCopy(Directory.CreateTempSubdirectory("hsm-compiler-").FullName);
        foreach (var file in Files)
        {
            CopyFile(Path.Combine(Repo.Root, file), Path.Combine(copy.Root, file));
        }

        CopySources("src/HsmBlueGreen.Core", copy.Root);
        CopySources("infra/HsmBlueGreen.Infra", copy.Root);
        CopyDirectory("infra/HsmBlueGreen.Infra/bin/native", copy.Root);
        CopyDirectory("infra/HsmBlueGreen.Infra/bin/Debug", copy.Root);
        return copy;
    }

    /// <summary>Replaces text in a copied source file; its modification time becomes now, as after an edit.</summary>
    public void Edit(string relativePath, string oldText, string newText)
    {
        var path = Path.Combine(Root, relativePath);
        var text = File.ReadAllText(path);
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static void CopySources(string relativeDirectory, string root)
    {
        var source = Path.Combine(Repo.Root, relativeDirectory);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (!relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                CopyFile(file, Path.Combine(root, relativeDirectory, relative));
            }
        }
    }

    private static void CopyDirectory(string relativeDirectory, string root)
    {
        var source = Path.Combine(Repo.Root, relativeDirectory);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            CopyFile(file, Path.Combine(root, relativeDirectory, Path.GetRelativePath(source, file)));
        }
    }

    private static void CopyFile(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
        File.SetLastWriteTimeUtc(to, File.GetLastWriteTimeUtc(from));
    }
}
