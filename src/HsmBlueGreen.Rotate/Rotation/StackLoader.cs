using HsmBlueGreen.Aws;
using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>Finds the Pulumi project from the working directory and binds the stack's settings (shared with the infra program).</summary>
internal static class StackLoader
{
    public static (StackSettings Settings, string ProjectDirectory) Load(CliContext context, string stack)
    {
        var files = PhysicalProjectFiles.FindFrom(context.WorkingDirectory)
            ?? throw new ConfigException($"no {PhysicalProjectFiles.ProjectFile} in {context.WorkingDirectory} or above. Fix: run hsm-rotate from the project directory (the one with Pulumi.yaml).");
        return (StackConfigLoader.FromStackFile(files, stack), files.Directory);
    }

    /// <summary>The stack's aws:region from Pulumi.&lt;stack&gt;.yaml, which the adapters use when the caller sets no region.</summary>
    public static StackRegion? Region(CliContext context, string stack)
    {
        var fileName = StackConfigLoader.StackFileName(stack);
        var text = PhysicalProjectFiles.FindFrom(context.WorkingDirectory)?.Read(fileName);
        return text is not null && StackFileReader.PlainSetting(fileName, text, "aws:region") is { } region ? new StackRegion(stack, region) : null;
    }
}
