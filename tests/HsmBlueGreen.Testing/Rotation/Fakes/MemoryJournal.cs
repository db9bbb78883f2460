using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Run;

namespace HsmBlueGreen.Core.Tests.Rotation.Fakes;

public sealed class MemoryJournal : IRotationJournal
{
    private readonly List<RotationEvent> entries = [];

    public void Append(RotationEvent entry)
    {
        lock (entries)
        {
            entries.Add(entry);
        }
    }

    public IReadOnlyList<RotationEvent> ReadAll()
    {
        lock (entries)
        {
            return [.. entries];
        }
    }
}

/// <summary>Events a run emits; <see cref="OnEvent"/> can throw to crash the run at a chosen boundary.</summary>
public sealed class RecordingEvents : IRotationEvents
{
    public List<RotationEvent> Events { get; } = [];

    public Action<RotationEvent>? OnEvent { get; set; }

    public void Emit(RotationEvent entry)
    {
        lock (Events)
        {
            Events.Add(entry);
        }

        OnEvent?.Invoke(entry);
    }
}
