using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;

namespace HsmBlueGreen.Rotate.Tests.EndToEnd.Pulumi;

/// <summary>A resource in the stack's state: its type, the inputs it was last applied with, what the provider returned.</summary>
internal sealed record StateResource(string Name, string Type, bool IsRead, string Inputs, IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>Created, but the provider's wait for it was interrupted: the next update retries it as an update.</summary>
    public bool InitError { get; init; }
}

/// <summary>
/// A strict, stateful `pulumi` for the end-to-end tests. It answers exactly the command lines PulumiStackControl
/// runs, and refuses any other. It keeps the stack's config in the project's Pulumi.&lt;stack&gt;.yaml, as Pulumi
/// does; `preview --json` and `up` evaluate the infra program for that config, diff it against the stack's state and
/// (for up) apply the difference to the loopback account: a slot whose config names a backup gets a cluster restored
/// from it, its HSMs, group, target group, secret and admin host; a slot taken out of the config loses them.
/// </summary>
internal sealed partial class LoopbackPulumi : IDisposable
{
    private readonly InProcessTool tool;
    private readonly string projectDirectory;
    private readonly string stack;
    private readonly List<StateResource> state = [];
    private readonly List<string[]> calls = [];
    private readonly AccountEffects effects;
    private Dictionary<string, string> outputs = [];

    public LoopbackPulumi(FakeAwsAccount account, string projectDirectory, string stack = "dev")
    {
        (Account, this.projectDirectory, this.stack) = (account, projectDirectory, stack);
        var settings = StackConfigLoader.FromStackFile(new PhysicalProjectFiles(projectDirectory), stack);
        var zones = settings.HsmSubnets.Entries.ToDictionary(e => e.Value, e => e.Key);
        effects = new AccountEffects(account, (FakeClock)account.Clock, zones);
        tool = new InProcessTool("pulumi", Answer);
    }

    public FakeAwsAccount Account { get; }

    public string Executable => tool.Executable;

    /// <summary>Called with each cluster the stack restores from a backup.</summary>
    public Action<FakeCluster>? Restored { set => effects.Restored = value; }

    /// <summary>The next `up` is stopped while the provider waits for new HSMs to become ACTIVE (as a killed or timed-out run would be).</summary>
    public bool InterruptNextUpBeforeHsmsAreActive { get; set; }

    /// <summary>Called with each resource an update creates and what the provider returned for it.</summary>
    public Action<DeclaredResource, IReadOnlyDictionary<string, string>>? Created { get; set; }

    /// <summary>The next call matching this fails as a crash of pulumi would, changing nothing.</summary>
    public Func<string[], bool>? FailNext { get; set; }

    public IReadOnlyList<string[]> Calls { get { lock (calls) { return [.. calls]; } } }

    public IReadOnlyDictionary<string, string> Outputs => outputs;

    public IReadOnlyList<StateResource> State => state;

    /// <summary>Operations an interrupted `up` left under way, as `pulumi stack export` lists them (URN, `creating`...).</summary>
    public List<(string Urn, string Type)> PendingOperations { get; } = [];

    /// <summary>The stack as already deployed for the config now, without touching the account: the resources named in <paramref name="known"/> get those attributes (ids of the account's existing resources).</summary>
    public LoopbackPulumi Deployed(IReadOnlyDictionary<string, Dictionary<string, string>> known)
    {
        var program = DeclaredProgram.Emit(projectDirectory, stack);
        state.Clear();
        state.AddRange(program.Resources.Select(r => new StateResource(r.Name, r.Type, r.IsRead, r.Inputs, known.GetValueOrDefault(r.Name) ?? new() { ["id"] = r.Name, ["arn"] = r.Name, ["name"] = r.Name })));
        outputs = Evaluate(program);
        return this;
    }

    private ToolAnswer Answer(string workingDirectory, string[] args)
    {
        lock (calls)
        {
            calls.Add(args);
        }

        if (Path.GetFullPath(workingDirectory) != Path.GetFullPath(projectDirectory))
        {
            return ToolAnswer.Fail($"error: no Pulumi.yaml project file found in {workingDirectory}");
        }

        var line = string.Join(' ', args);
        if (FailNext?.Invoke(args) == true)
        {
            FailNext = null;
            return ToolAnswer.Fail($"error: `pulumi {args[0]}` was killed (the test stopped it here)");
        }

        try
        {
            return args switch
            {
                ["stack", "output", "--json", "--stack", var s] when s == stack => ToolAnswer.Ok(JsonSerializer.Serialize(outputs) + "\n"),
                ["config", "set", "--path", "--stack", var s, "--", var path, var value] when s == stack => Config(() => StackConfigFile.Set(projectDirectory, stack, path, value)),
                ["config", "set-all", "--path", "--stack", var s, .. var pairs] when s == stack && SetAll(pairs) is { } values => Config(() => values.ForEach(v => StackConfigFile.Set(projectDirectory, stack, v.Key, v.Value))),
                ["config", "rm", "--path", "--stack", var s, "--", var path] when s == stack => Config(() => StackConfigFile.Remove(projectDirectory, stack, path)),
                ["stack", "export", "--stack", var s] when s == stack => ToolAnswer.Ok(Export().ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n"),
                ["preview", "--json", "--non-interactive", "--stack", var s] when s == stack => ToolAnswer.Ok(Preview(DeclaredProgram.Emit(projectDirectory, stack)).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n"),
                ["up", "--yes", "--skip-preview", "--non-interactive", "--stack", var s, .. var rest] when s == stack && Targets(rest) is { } targets => Up(DeclaredProgram.Emit(projectDirectory, stack), targets),
                _ when Array.IndexOf(args, "--stack") is var i and >= 0 && i + 1 < args.Length && args[i + 1] != stack => ToolAnswer.Fail($"error: no stack named '{args[i + 1]}' found"),
                _ => ToolAnswer.Fail($"the loopback pulumi does not serve `pulumi {line}` (strict: PulumiStackControl's command lines only)"),
            };
        }
        catch (ProgramFailedException e)
        {
            return ToolAnswer.Fail($"error: {e.Message}");
        }
        catch (AwsFault e)
        {
            return ToolAnswer.Fail($"error: 1 error occurred: {e.Code}: {e.Message}");
        }
    }

    private static ToolAnswer Config(Action write)
    {
        write();
        return ToolAnswer.Ok();
    }

    /// <summary>`--plaintext k=v` pairs, and nothing else.</summary>
    private static List<KeyValuePair<string, string>>? SetAll(string[] pairs)
    {
        if (pairs.Length == 0 || pairs.Length % 2 != 0 || pairs.Where((_, i) => i % 2 == 0).Any(p => p != "--plaintext"))
        {
            return null;
        }

        return [.. pairs.Where((_, i) => i % 2 == 1).Select(p => p.Split('=', 2)).Select(kv => KeyValuePair.Create(kv[0], kv[1]))];
    }

    private static List<string>? Targets(string[] rest) =>
        rest.Length % 2 == 0 && rest.Where((_, i) => i % 2 == 0).All(a => a == "--target") ? [.. rest.Where((_, i) => i % 2 == 1)] : null;

    private Dictionary<string, string> Evaluate(DeclaredProgram program) =>
        program.Outputs.Where(o => References(o.Value).All(r => state.Any(s => s.Name == r)))
            .ToDictionary(o => o.Key, o => Resolve(o.Value));

    private static IEnumerable<string> References(string value) =>
        System.Text.RegularExpressions.Regex.Matches(value, @"\$\{([^.}]+)\.[^}]+\}").Select(m => m.Groups[1].Value);

    /// <summary>Replaces each ${resource.attribute} with what the provider returned for it.</summary>
    private string Resolve(string value) => System.Text.RegularExpressions.Regex.Replace(value, @"\$\{([^.}]+)\.([^}]+)\}", m =>
    {
        var resource = state.SingleOrDefault(s => s.Name == m.Groups[1].Value) ?? throw new InvalidOperationException($"{m.Value}: {m.Groups[1].Value} is not in the stack's state");
        return resource.Attributes.TryGetValue(m.Groups[2].Value, out var attribute) ? attribute : throw new InvalidOperationException($"{m.Value}: the loopback pulumi keeps no {m.Groups[2].Value} for {resource.Type}");
    });

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => tool.Dispose();
}
