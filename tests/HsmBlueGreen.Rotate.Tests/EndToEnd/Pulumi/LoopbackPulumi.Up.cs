namespace HsmBlueGreen.Rotate.Tests.EndToEnd.Pulumi;

/// <summary>
/// `up`: applies the plan step by step, saving the state after each (Pulumi checkpoints as it goes), and the stack
/// outputs only at the end of a whole-stack update. With `--target` only the named resources are touched and the
/// outputs stay as they were.
/// </summary>
internal sealed partial class LoopbackPulumi
{
    private ToolAnswer Up(DeclaredProgram program, IReadOnlyList<string> targets)
    {
        var interrupt = InterruptNextUpBeforeHsmsAreActive;
        InterruptNextUpBeforeHsmsAreActive = false;
        var changed = 0;
        foreach (var step in Plan(program).Where(s => s.Op != "same" && (targets.Count == 0 || targets.Contains(s.Urn))))
        {
            if (interrupt && step.Op is "delete" or "discard")
            {
                break;
            }

            Apply(step, interrupt);
            changed++;
        }

        if (interrupt)
        {
            return ToolAnswer.Fail("error: update canceled: the provider was still waiting for the new HSMs to become ACTIVE");
        }

        if (targets.Count == 0)
        {
            outputs = Evaluate(program);
        }

        return ToolAnswer.Ok($"Resources:\n    {Count(changed)} changed\n");
    }

    private void Apply(PlannedStep step, bool interrupt)
    {
        switch (step.Op)
        {
            case "create" or "read":
            {
                var declared = step.Declared!;
                var waits = !(interrupt && declared.Type == "aws:cloudhsmv2:Hsm");
                var attributes = declared.IsRead ? Read(declared) : effects.Create(declared, Resolve, waitForActive: waits);
                state.Add(new StateResource(declared.Name, declared.Type, declared.IsRead, declared.Inputs, attributes) { InitError = !waits });
                Created?.Invoke(declared, attributes);
                break;
            }

            case "update":
            {
                var declared = step.Declared!;
                effects.Update(declared, step.Old!.Attributes, Resolve);
                state[state.IndexOf(step.Old)] = step.Old with { Inputs = declared.Inputs, InitError = false };
                break;
            }

            case "delete" or "discard":
                effects.Delete(step.Old!.Type, step.Old.Attributes, step.Old.IsRead);
                state.Remove(step.Old);
                break;
        }
    }

    /// <summary>`get:` reads an existing resource by id; only clusters are read by this program.</summary>
    private Dictionary<string, string> Read(DeclaredResource declared)
    {
        var id = declared.Property("id") ?? throw new InvalidOperationException($"{declared.Name}: get without an id");
        return declared.Type == "aws:cloudhsmv2:Cluster"
            ? new() { ["id"] = id, ["clusterId"] = id, ["securityGroupId"] = Account.ClusterNow(id).SecurityGroup }
            : throw new InvalidOperationException($"the loopback pulumi does not read {declared.Type}");
    }
}
