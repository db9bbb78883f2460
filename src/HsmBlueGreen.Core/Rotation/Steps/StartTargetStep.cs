using HsmBlueGreen.Core.Rotation.Actions;
using HsmBlueGreen.Core.Rotation.Run;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>The target's application group at the source's count, every target healthy, before any traffic moves.</summary>
internal sealed class StartTargetStep(int clientCount) : IStepHandler
{
    public Task<bool> IsDoneAsync(RotationRun run) => AppGroupControl.IsStartedAsync(run, clientCount);

    public Task<StepResult> ApplyAsync(RotationRun run) => AppGroupControl.StartAsync(run, clientCount);
}
