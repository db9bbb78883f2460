using System.Text.Json;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Run;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>--json: one JSON object per line on stdout, every event, for CI to parse.</summary>
internal sealed class JsonEventWriter(TextWriter output) : IRotationEvents
{
    public void Emit(RotationEvent entry)
    {
        output.WriteLine(JsonSerializer.Serialize(entry, EventJson.Default.RotationEvent));
        output.Flush();
    }
}
