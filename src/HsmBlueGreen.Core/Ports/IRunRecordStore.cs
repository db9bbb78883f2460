using HsmBlueGreen.Core.Rotation.Record;

namespace HsmBlueGreen.Core.Ports;

/// <summary>
/// Where a run's record lives in AWS, beside its lease on the target slot's secret, so any machine with AWS access
/// can see and continue the run. The local journal is only the audit trail.
/// </summary>
public interface IRunRecordStore
{
    /// <summary>The record kept on that secret, or null when it has none.</summary>
    Task<RunRecord?> ReadAsync(string secretArn, CancellationToken cancellationToken);

    /// <summary>Replaces the record on that secret as a whole.</summary>
    Task WriteAsync(string secretArn, RunRecord record, CancellationToken cancellationToken);
}
