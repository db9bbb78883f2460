using System.Globalization;
using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Run;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>
/// Journals every AWS request a rotation command sends (reads, writes and retries alike) as a `request` event, so the
/// journal and --verbose show each AWS call, not only the changes the steps announce. The adapters report requests as
/// they go; the events carry the run's id and step once the run exists.
/// </summary>
internal sealed class RequestJournal(TimeProvider clock)
{
    private readonly Lock gate = new();
    private readonly List<AwsRequestSent> early = [];
    private IRotationJournal? journal;
    private IRotationEvents? events;
    private RotationRun? run;

    public RotationRun? Run
    {
        get
        {
            lock (gate)
            {
                return run;
            }
        }
    }

    public void Sent(AwsRequestSent request)
    {
        lock (gate)
        {
            if (journal is null)
            {
                early.Add(request);
                return;
            }

            Write(request);
        }
    }

    /// <summary>Where the events go; requests sent before this (none today: the ports are lazy) are written now.</summary>
    public void Open(IRotationJournal into, IRotationEvents to)
    {
        lock (gate)
        {
            (journal, events) = (into, to);
            early.ForEach(Write);
            early.Clear();
        }
    }

    public void Attach(RotationRun current)
    {
        lock (gate)
        {
            run = current;
        }
    }

    private void Write(AwsRequestSent request)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["api"] = request.Action,
            ["attempt"] = request.Attempt.ToString(CultureInfo.InvariantCulture),
        };
        var retry = request.Attempt > 1 ? $" (attempt {request.Attempt.ToString(CultureInfo.InvariantCulture)})" : string.Empty;
        var entry = new RotationEvent(clock.GetUtcNow(), run?.RunId ?? string.Empty, EventKinds.Request, run?.CurrentStep, request.Action + retry, data);
        journal!.Append(entry);
        events!.Emit(entry);
    }
}
