using HsmBlueGreen.Core.Policies;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Secrets;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Tests.Rotation.Fakes;

/// <summary>
/// An in-memory AWS account holding one deployed stack (blue serving, green restored from blue's backup), shared by
/// the fakes of every port. Tests read its state to check the end state and count calls; <see cref="BeforeCall"/>
/// lets a test fail or crash any call by name.
/// </summary>
public sealed partial class FakeAccount
{
    public const string BluePassword = "Blue-Original-Secret-Pw-7731";
    public const string User = "app_cu";

    public FakeAccount(string stack = "test")
    {
        Stack = stack;
        foreach (var color in new[] { Color.Blue, Color.Green })
        {
            var key = color.Key();
            Outputs[color] = new SlotOutputs($"cluster-{key}00000001", $"sg-{key}", $"arn:tg/{key}", $"asg-{key}", $"arn:secret/{key}", $"i-admin-{key}");
            Clusters[Outputs[color].ClusterId] = new ClusterStatus(Outputs[color].ClusterId, ClusterState.Active, null, $"sg-c-{key}", [new HsmStatus($"hsm-{key}1", "eu-west-1a", HsmSubnets(stack)["eu-west-1a"], HsmState.Active), new HsmStatus($"hsm-{key}2", "eu-west-1b", HsmSubnets(stack)["eu-west-1b"], HsmState.Active)]) { SubnetMapping = HsmSubnets(stack) };
        }

        // Green is restored from the backup CloudHSM took of blue's cluster an hour before the clock starts.
        HsmUsers[Outputs[Color.Blue].ClusterId] = new HsmUserRecord(BluePassword);
        RestoreFrom(Color.Green, TakeBackup(Color.Blue, Clock.GetUtcNow().AddHours(-1), "backup-blue00000001"));

        Groups["asg-blue"] = new AppGroupState("asg-blue", 2, 0, 4, 2, 2);
        Groups["asg-green"] = new AppGroupState("asg-green", 0, 0, 4, 0, 0);
        Weights = [new TargetGroupWeight("arn:tg/blue", 100), new TargetGroupWeight("arn:tg/green", 0)];
        Secrets.Touch = Touch;
        Secrets.Now = Clock.GetUtcNow;
        Secrets.Seed("arn:secret/blue", "v-blue-1", new Credential(User, new Sensitive(BluePassword)), SecretStages.Current);
        Config["traffic.blue"] = "100";
        Config["traffic.green"] = "0";
    }

    /// <summary>
    /// The dual-user stack: both slots on one cluster, blue serving as <see cref="User"/>, green's clients at zero as
    /// <see cref="SecondUser"/> with its own password; the application's keys are owned by one user and shared with the other.
    /// </summary>
    public static FakeAccount DualUser(string stack = "test")
    {
        var account = new FakeAccount(stack);
        var shared = "cluster-shared0000001";
        account.Clusters.Clear();
        account.HsmUsers.Clear();
        foreach (var color in new[] { Color.Blue, Color.Green })
        {
            account.Outputs[color] = account.Outputs[color] with { ClusterId = shared, ClusterSecurityGroupId = "sg-shared" };
        }

        account.Clusters[shared] = new ClusterStatus(shared, ClusterState.Active, null, "sg-c-shared", [new HsmStatus("hsm-s1", "eu-west-1a", HsmSubnets(stack)["eu-west-1a"], HsmState.Active), new HsmStatus("hsm-s2", "eu-west-1b", HsmSubnets(stack)["eu-west-1b"], HsmState.Active)]) { SubnetMapping = HsmSubnets(stack) };
        account.HsmUsers[$"{shared}/{User}"] = new HsmUserRecord(BluePassword);
        account.HsmUsers[$"{shared}/{SecondUser}"] = new HsmUserRecord(GreenPassword);
        account.Secrets.Seed("arn:secret/green", "v-green-1", new Credential(SecondUser, new Sensitive(GreenPassword)), SecretStages.Current);
        foreach (var label in new[] { "app-signing-key", "app-data-key" })
        {
            account.Keys[label] = [new HsmKeySharing($"0x{label.Length:x6}", [User], [SecondUser])];
        }

        return account;
    }

    public const string SecondUser = "app_cu2";
    public const string GreenPassword = "Green-Own-Secret-Pw-4419";

    public string Stack { get; }

    /// <summary>Keys by label as `key list --verbose` shows them (dual-user).</summary>
    public Dictionary<string, IReadOnlyList<HsmKeySharing>> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>The user the target names: keyed "cluster/user" where one cluster has two users, else by cluster.</summary>
    public HsmUserRecord UserOn(HsmUserTarget target) =>
        HsmUsers.TryGetValue($"{target.ClusterId}/{target.CryptoUser}", out var user) ? user : HsmUsers[target.ClusterId];

    public FakeClock Clock { get; } = new();

    public Dictionary<Color, SlotOutputs> Outputs { get; } = [];

    public Dictionary<string, ClusterStatus> Clusters { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, HsmUserRecord> HsmUsers { get; } = new(StringComparer.Ordinal);

    /// <summary>SSM's command history of change-password commands; <see cref="CommandHistoryUnknown"/> makes it unreadable.</summary>
    public List<SentHsmCommand> CommandHistory { get; } = [];

    public bool CommandHistoryUnknown { get; set; }

    public Dictionary<string, AppGroupState> Groups { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Config { get; } = new(StringComparer.Ordinal);

    /// <summary>Every pulumi write to the stack's config in order, each one or more paths; a null value is a `config rm`.</summary>
    public List<IReadOnlyList<KeyValuePair<string, string?>>> ConfigWrites { get; } = [];

    public List<IReadOnlyList<string>> Ups { get; } = [];

    public FakeSecretStore Secrets { get; } = new();

    public IReadOnlyList<TargetGroupWeight> Weights { get; set; }

    public int WeightChanges { get; set; }

    /// <summary>Target groups a listener rule forwards to (the slots' test routes); these count as in use for health.</summary>
    public HashSet<string> TestRoutes { get; } = new(StringComparer.Ordinal);

    /// <summary>Target group to the HTTP status its application answers a smoke check with (otherwise 200).</summary>
    public Dictionary<string, int> AppStatus { get; } = new(StringComparer.Ordinal);

    public List<SmokeCheckRequest> SmokeRequests { get; } = [];

    /// <summary>Whether the first listener read after a ModifyListener shows the previous forward action (on by default).</summary>
    public bool ReadsOneLate { get; set; } = true;

    /// <summary>The forward action the next listener read still shows, if the last change has not reached it yet.</summary>
    public IReadOnlyList<TargetGroupWeight>? StaleWeights { get; set; }

    /// <summary>Target group to forced health (otherwise every in-service instance of the slot's group is healthy).</summary>
    public Dictionary<string, TargetHealthState> ForcedHealth { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, RotationLease> Leases { get; } = new(StringComparer.Ordinal);

    /// <summary>Each secret's run record as the JSON the store keeps, so every read is a fresh deserialisation, as on another machine.</summary>
    public Dictionary<string, string> RunRecords { get; } = new(StringComparer.Ordinal);

    public List<string> Calls { get; } = [];

    /// <summary>Called with the port method's name before it runs: throw here to inject a failure or a crash.</summary>
    public Action<string>? BeforeCall { get; set; }

    /// <summary>What an operator does by hand before retiring a slot whose cluster the stack only reads.</summary>
    public void TagForRetire(Color color)
    {
        var id = Outputs[color].ClusterId;
        Clusters[id] = Clusters[id] with { Tags = new Dictionary<string, string> { [StackTags.Stack] = Stack, [StackTags.SlotState] = StackTags.Retiring } };
    }

    public StackOutputs StackOutputs => new("arn:alb", "arn:listener", "alb.example", new Dictionary<Color, SlotOutputs>(Outputs));

    public int TargetPercent(Color target) =>
        Weights.Where(w => w.TargetGroupArn == Outputs[target].TargetGroupArn).Sum(w => w.Weight) * 100 / Math.Max(1, Weights.Sum(w => w.Weight));

    public void Touch(string call)
    {
        lock (Calls)
        {
            Calls.Add(call);
        }

        BeforeCall?.Invoke(call);
    }

    public int Count(string call)
    {
        lock (Calls)
        {
            return Calls.Count(c => c == call);
        }
    }

    public RotationPorts Ports(ILoadBalancer? loadBalancer = null, IMetrics? metrics = null) => new(
        new FakeIdentity(this),
        new FakeStack(this),
        new FakeClusters(this),
        loadBalancer ?? new FakeLoadBalancer(this),
        metrics ?? new FakeMetrics(this),
        Secrets,
        new FakeLock(this),
        new FakeAppGroups(this),
        new FakeHsmUsers(this))
    {
        SmokeCheck = new FakeSmokeCheck(this),
        RunRecords = new FakeRunRecordStore(this),
    };
}

/// <summary>The crypto user on one cluster as the HSMs hold it.</summary>
public sealed class HsmUserRecord(string password)
{
    public string Password { get; set; } = password;

    public int FailedLogins { get; set; }

    public string Locked => FailedLogins >= 5 ? "true" : "false";

    public string Coverage { get; set; } = "full";
}

/// <summary>An injected crash: the process "dies" here; the test then resumes against the same account.</summary>
public sealed class InjectedCrashException(string where) : Exception($"injected crash at {where}");
