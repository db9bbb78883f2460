using System.Diagnostics;
using System.Text.Json.Nodes;
using HsmBlueGreen.Aws.Tests.Loopback;

namespace HsmBlueGreen.Aws.Tests.Support;

/// <summary>
/// An admin host in a temp directory: fake `aws` and `cloudhsm-cli` executables (python3) first on PATH.
/// `aws` answers get-secret-value from the secrets given here; `cloudhsm-cli` checks CLOUDHSM_PIN for the
/// commands that log in, answers with the envelope a test sets, and logs argv and login environment.
/// Like the real CLI (cloudhsm_cli-getting-started-use, cloudhsm_cli-modes) it prints the envelope indented over
/// many lines, here after a warning line on stderr (which hsm-user.sh merges into stdout). The host is configured
/// as the user data does it, `configure-cli -a &lt;ips&gt;`: one cluster without an id, so `--cluster-id` names no
/// configured cluster and is refused ("Unique Id to choose which of the clusters in the config file", user change-password).
/// </summary>
internal sealed partial class FakeHsmHost : IDisposable
{
    private const string Aws = """
        #!/usr/bin/env python3
        import json, os, sys
        here = os.path.dirname(os.path.abspath(__file__))
        args = sys.argv[1:]
        with open(os.path.join(here, "aws.log"), "a") as log:
            log.write(json.dumps(args) + "\n")
        def opt(name):
            return args[args.index(name) + 1] if name in args else None
        versions = json.load(open(os.path.join(here, "secrets.json"))).get(opt("--secret-id"), [])
        for v in versions:
            if (opt("--version-id") is None or v["id"] == opt("--version-id")) and (opt("--version-stage") is None or opt("--version-stage") in v["stages"]) \
               and (opt("--version-id") is not None or opt("--version-stage") is not None or "AWSCURRENT" in v["stages"]):
                print(v["value"])
                sys.exit(0)
        sys.stderr.write("An error occurred (ResourceNotFoundException) when calling the GetSecretValue operation\n")
        sys.exit(254)
        """;

    private const string Cli = """
        #!/usr/bin/env python3
        import json, os, sys
        here = os.path.dirname(os.path.abspath(__file__))
        args = sys.argv[1:]
        with open(os.path.join(here, "cli.log"), "a") as log:
            log.write(json.dumps({"argv": args, "role": os.environ.get("CLOUDHSM_ROLE"), "pin": os.environ.get("CLOUDHSM_PIN")}) + "\n")
        behaviour = json.load(open(os.path.join(here, "cli.json")))
        command = " ".join(args[:2])
        def reply(answer, code=0):
            sys.stderr.write(behaviour["warning"] + "\n")
            sys.stderr.flush()
            print(answer if isinstance(answer, str) else json.dumps(answer, indent=2))
            sys.exit(code)
        if "--cluster-id" in args and args[args.index("--cluster-id") + 1] not in behaviour["clusters"]:
            reply({"error_code": 1, "data": "cluster " + args[args.index("--cluster-id") + 1] + " is not in the configuration"}, 1)
        if command in ("user change-password", "key list") and os.environ.get("CLOUDHSM_PIN") != behaviour["pin"]:
            reply({"error_code": 1, "data": behaviour.get("loginFailure", "Failed to login: invalid credentials")}, 1)
        answer = behaviour["answers"].get(command, {"error_code": 0, "data": {"username": "app_cu", "role": "crypto-user"}})
        if command == "user change-password" and isinstance(answer, dict) and answer.get("error_code") == 0:
            behaviour["pin"] = args[args.index("--username") + 1] + ":" + args[args.index("--password") + 1]
            json.dump(behaviour, open(os.path.join(here, "cli.json"), "w"))
        reply(answer, 0 if not isinstance(answer, dict) or answer.get("error_code") == 0 else 1)
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("hsm-host-").FullName;
    private readonly JsonObject secrets = [];
    private readonly JsonObject behaviour = new()
    {
        ["pin"] = "app_cu:unset",
        ["answers"] = new JsonObject(),
        ["clusters"] = new JsonArray(),
        ["warning"] = "WARNING: a password given on the command line can be seen by other users of this host.",
    };

    /// <summary>The interpreter behind `python3`, linked into the tool directory so version-manager shims are not paid on every call.</summary>
    private static readonly Lazy<string> Python = new(() =>
    {
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("import sys; print(sys.executable)");
        using var process = Process.Start(info)!;
        var path = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return path;
    });

    public FakeHsmHost()
    {
        File.CreateSymbolicLink(Path.Combine(directory, "python3"), Python.Value);
        Write("aws", Aws);
        Write("cloudhsm-cli", Cli);
        Save();
    }

    public FakeHsmHost AddVersion(string secretId, string versionId, string stage, string username, string password)
    {
        var versions = secrets[secretId] as JsonArray ?? [];
        secrets[secretId] = versions;
        versions.Add(new JsonObject
        {
            ["id"] = versionId,
            ["stages"] = new JsonArray(JsonValue.Create(stage)),
            ["value"] = new JsonObject { ["username"] = username, ["password"] = password }.ToJsonString(),
        });
        Save();
        return this;
    }

    /// <summary>The secret's versions as the account holds them now, readable by its name and its ARN.</summary>
    public FakeHsmHost MirrorSecret(FakeSecret secret)
    {
        var versions = new JsonArray([.. secret.Values.Select(v => (JsonNode)new JsonObject
        {
            ["id"] = v.Key,
            ["stages"] = new JsonArray([.. secret.Stages.Where(s => s.Value == v.Key).Select(s => (JsonNode)JsonValue.Create(s.Key))]),
            ["value"] = v.Value,
        })]);
        secrets[secret.Name] = versions;
        secrets[secret.Arn] = versions.DeepClone();
        SaveSecrets(); // not the behaviour: cloudhsm-cli may have moved the PIN since
        return this;
    }

    /// <summary>Whether the HSMs accept the PIN now (a successful change-password moves it to the new password).</summary>
    public bool Accepts(string pin) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "cli.json")))!["pin"]!.GetValue<string>() == pin;

    /// <summary>The PIN (user:password) the HSMs accept.</summary>
    public FakeHsmHost AcceptPin(string pin)
    {
        behaviour["pin"] = pin;
        Save();
        return this;
    }

    /// <summary>The HSMs of a cluster restored from the backup: the user's password is the one it had when the backup was taken.</summary>
    public FakeHsmHost RestoredFrom(FakeBackup backup, string user) => AcceptPin(user + ":" + backup.Passwords[user]);

    /// <summary>What cloudhsm-cli prints for a command ("user list", "user change-password", "key list"): an envelope object or raw text.</summary>
    public FakeHsmHost Answer(string command, JsonNode answer)
    {
        behaviour["answers"]![command] = answer;
        Save();
        return this;
    }

    /// <summary>The line cloudhsm-cli writes to stderr before its envelope.</summary>
    public FakeHsmHost Warn(string line)
    {
        behaviour["warning"] = line;
        Save();
        return this;
    }

    public FakeHsmHost FailLoginsWith(string data)
    {
        behaviour["loginFailure"] = data;
        Save();
        return this;
    }

    public IReadOnlyList<JsonObject> CliCalls => Lines("cli.log").Select(l => JsonNode.Parse(l)!.AsObject()).ToList();

    public IReadOnlyList<string> AwsCalls => Lines("aws.log");

    /// <summary>Runs a command as AWS-RunShellScript would (sh), with the fake tools first on PATH.</summary>
    public FakeInvocation Run(string command)
    {
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        info.Environment["PATH"] = directory + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return new FakeInvocation(process.ExitCode == 0 ? "Success" : "Failed", process.ExitCode, stdout.Result, stderr);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private List<string> Lines(string file)
    {
        var path = Path.Combine(directory, file);
        return File.Exists(path) ? [.. File.ReadAllLines(path).Where(l => l.Length > 0)] : [];
    }

    private void Save()
    {
        SaveSecrets();
        File.WriteAllText(Path.Combine(directory, "cli.json"), behaviour.ToJsonString());
    }

    private void SaveSecrets() => File.WriteAllText(Path.Combine(directory, "secrets.json"), secrets.ToJsonString());

    private void Write(string name, string script)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, script.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
