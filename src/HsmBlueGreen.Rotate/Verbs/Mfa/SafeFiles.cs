using System.Text;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Verbs.Mfa;

/// <summary>
/// Reads and atomic writes for the MFA commands: each file is written whole to a temporary file
/// beside it and moved into place, so a crash or a bad input never leaves half a file, and a
/// private key is created with mode 0600 rather than narrowed afterwards.
/// </summary>
internal static class SafeFiles
{
    public const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode Public = Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static string Read(string path, string display)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"{display} is a directory; name the file inside it.");
        }

        try
        {
            return File.ReadAllText(path, Utf8);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new UsageException($"{display} does not exist; check the path.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {display}: {e.Message}");
        }
    }

    /// <summary>Refuses when any of the files exists, naming them and the way out.</summary>
    public static void RequireAbsent(IEnumerable<(string Path, string Display)> files, string fix)
    {
        var existing = files.Where(f => File.Exists(f.Path)).Select(f => f.Display).ToList();
        if (existing.Count > 0)
        {
            throw new UsageException($"{string.Join(" and ", existing)} already exist{(existing.Count == 1 ? "s" : string.Empty)}; {fix}.");
        }
    }

    /// <summary>Writes every file or none: all are staged first, then moved into place.</summary>
    /// <param name="replace">Whether an existing file may be replaced; without it a file that appeared meanwhile is an error.</param>
    public static void WriteAll(IReadOnlyList<PendingFile> files, bool replace)
    {
        var staged = new List<string>();
        try
        {
            foreach (var file in files)
            {
                staged.Add(Stage(file));
            }

            for (var i = 0; i < files.Count; i++)
            {
                File.Move(staged[i], files[i].Path, overwrite: replace);
            }
        }
        catch (DirectoryNotFoundException)
        {
            // The exception names the staging file; the operator knows the path they gave.
            var missing = files.Select(f => Path.GetDirectoryName(f.Display)).FirstOrDefault(d => !string.IsNullOrEmpty(d)) ?? ".";
            throw new UsageException($"cannot write {string.Join(" and ", files.Select(f => f.Display))}: the directory {missing} does not exist; create it first.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write {string.Join(" and ", files.Select(f => f.Display))}: {e.Message}");
        }
        finally
        {
            staged.ForEach(File.Delete);
        }
    }

    /// <summary>
    /// Refuses to replace a file its owner made read-only: root could write it anyway, but the mode says it should not
    /// change (a token file kept as evidence).
    /// </summary>
    public static void RequireWritable(string path, string display, string fix)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path) && (File.GetUnixFileMode(path) & UnixFileMode.UserWrite) == 0)
        {
            throw new UsageException($"{display} is read-only; {fix}.");
        }
    }

    /// <summary>The mode an existing file has, so rewriting it in place keeps who may read it.</summary>
    public static UnixFileMode ModeOf(string path, UnixFileMode fallback) =>
        !OperatingSystem.IsWindows() && File.Exists(path) ? File.GetUnixFileMode(path) : fallback;

    private static string Stage(PendingFile file)
    {
        var directory = Path.GetDirectoryName(file.Path) ?? ".";
        var temp = Path.Combine(directory, $".{Path.GetFileName(file.Path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = file.Mode;
        }

        try
        {
            using var stream = new FileStream(temp, options);
            stream.Write(Utf8.GetBytes(file.Text));
            stream.Flush(flushToDisk: true);
            return temp;
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}

/// <param name="Path">Full path to write.</param>
/// <param name="Display">The name the user gave, for messages.</param>
internal sealed record PendingFile(string Path, string Display, string Text, UnixFileMode Mode)
{
    // The text may be a private key: keep it out of record printing.
    public override string ToString() => Display;
}
