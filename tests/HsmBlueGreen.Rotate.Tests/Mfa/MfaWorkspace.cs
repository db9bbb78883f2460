using System.Diagnostics;

namespace HsmBlueGreen.Rotate.Tests.Mfa;

/// <summary>
/// A temporary directory in which the real `hsm-rotate` host runs in-process with captured
/// writers, a fake environment and scripted input, and where openssl runs beside it.
/// </summary>
internal sealed class MfaWorkspace : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("hsm-mfa-").FullName;

    /// <summary>A workspace holding k.key/k.pub, other.key/other.pub and locked.key (its passphrase in MFA_PASS).</summary>
    public static MfaWorkspace WithTestKeys()
    {
        var workspace = new MfaWorkspace();
        workspace.Environment["MFA_PASS"] = TestKeys.Passphrase;
        TestKeys.WriteSigningPair(workspace, "k");
        TestKeys.WriteOtherPair(workspace, "other");
        workspace.Write("locked.key", TestKeys.EncryptedSigningKeyPem);
        return workspace;
    }

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    /// <summary>What the operator types at prompts, one line each.</summary>
    public string Input { get; set; } = string.Empty;

    /// <summary>False: stdin is a pipe, as in CI.</summary>
    public bool InputIsTerminal { get; set; } = true;

    public string PathOf(string name) => Path.Combine(Root, name);

    public void Write(string name, string text) => File.WriteAllText(PathOf(name), text);

    public void Write(string name, byte[] bytes) => File.WriteAllBytes(PathOf(name), bytes);

    public string Read(string name) => File.ReadAllText(PathOf(name));

    public byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public Task<CliRun> RunAsync(params string[] args) =>
        new ProgramFixture { Environment = name => Environment.GetValueOrDefault(name), WorkingDirectory = Root, Input = Input, InputIsTerminal = InputIsTerminal }.RunAsync(args);

    /// <summary>Runs openssl here with this workspace's environment; fails the test if it is not installed.</summary>
    public OpensslRun Openssl(params string[] args)
    {
        var start = new ProcessStartInfo("openssl")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        args.ToList().ForEach(start.ArgumentList.Add);
        foreach (var (name, value) in Environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("openssl did not start; install it (apt-get install -y openssl).");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return new OpensslRun(process.ExitCode, stdout.Result, stderr, string.Join(' ', args));
    }

    /// <summary>Runs openssl and fails the test with its stderr unless it succeeds.</summary>
    public string MustOpenssl(params string[] args)
    {
        var run = Openssl(args);
        Assert.True(run.ExitCode == 0, $"openssl {run.Command} failed ({run.ExitCode}): {run.Error}");
        return run.Out;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

internal sealed record OpensslRun(int ExitCode, string Out, string Error, string Command);
