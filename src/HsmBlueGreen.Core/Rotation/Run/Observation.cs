using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Run;

/// <summary>
/// What a rotation works on, read from AWS once and never changed: the stack's two slots and the rotation's tokens
/// (derived from the source secret's version). Preflight returns it and the runner hands it to every step handler, so
/// no handler can run without one; abort and status build theirs from the same reading. A check that learns better
/// (green-cluster's seed is the version current at the backup's time) returns a new one, it does not edit this one.
/// </summary>
public sealed record Observation(StackOutputs Outputs, SlotOutputs Source, SlotOutputs Target, RotationTokens Tokens)
    : StackObservation(Outputs, Source, Target);
