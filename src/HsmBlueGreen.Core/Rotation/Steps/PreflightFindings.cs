using HsmBlueGreen.Core.Rotation.Run;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// What a passed preflight hands the runner: the observation every step works on, who is acting (the caller's ARN:
/// the lease's owner, so a refused operator learns who holds it) and whether an acknowledged failed-login mark is to
/// come off once the lease is held.
/// </summary>
internal sealed record PreflightFindings(Observation Observed, string Owner, bool ClearLoginFailure);
