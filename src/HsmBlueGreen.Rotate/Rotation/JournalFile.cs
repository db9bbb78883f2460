using System.Text.Json;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Run;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>
/// The audit journal: .hsm-rotate/&lt;stack&gt;.journal.jsonl under the project directory (git-ignored), one event per
/// line, appended and flushed as it happens so a crash loses nothing. Events carry no secrets by construction.
/// </summary>
internal sealed class JournalFile(string projectDirectory, string stack) : IRotationJournal
{
    public const string Directory = ".hsm-rotate";

    public string Path { get; } = System.IO.Path.Combine(projectDirectory, Directory, $"{stack}.journal.jsonl");

    public void Append(RotationEvent entry)
    {
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        File.AppendAllText(Path, JsonSerializer.Serialize(entry, EventJson.Default.RotationEvent) + "\n");
    }

    public IReadOnlyList<RotationEvent> ReadAll()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        var entries = new List<RotationEvent>();
        foreach (var line in File.ReadLines(Path).Where(l => l.Length > 0))
        {
            try
            {
                entries.Add(JsonSerializer.Deserialize(line, EventJson.Default.RotationEvent)!);
            }
            catch (JsonException)
            {
                // A line torn by a crash mid-write is skipped; the journal is an audit trail, not the state.
            }
        }

        return entries;
    }
}
