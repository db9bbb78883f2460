using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Record;

namespace HsmBlueGreen.Core.Tests.Rotation.Fakes;

/// <summary>Run records by secret, kept serialised: what a run writes is all another machine can read back.</summary>
public sealed class FakeRunRecordStore(FakeAccount account) : IRunRecordStore
{
    public Task<RunRecord?> ReadAsync(string secretArn, CancellationToken cancellationToken)
    {
        account.Touch("records.read");
        return Task.FromResult(account.RunRecords.TryGetValue(secretArn, out var json) ? RunRecordJson.Read(json) : null);
    }

    public Task WriteAsync(string secretArn, RunRecord record, CancellationToken cancellationToken)
    {
        account.Touch("records.write");
        account.RunRecords[secretArn] = RunRecordJson.Write(record);
        return Task.CompletedTask;
    }
}
