using BasicAWSCredentials = Amazon.Runtime.BasicAWSCredentials;
using HsmBlueGreen.Aws;
using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Core.Audit;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Core.Tests.Audit;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Tests.Audit;

/// <summary>
/// A loopback AWS account that passes the audit, and the real adapters wired to it with waits that do not sleep.
/// The crypto users' passwords are real-looking values, so the leak scan has something to find.
/// </summary>
internal static class LoopbackAccount
{
    public const string BluePassword = "Blue-Passw0rd-7Hq2";
    public const string GreenPassword = "Green-Passw0rd-9Kx4";
    public const string Vpc = "vpc-0a1b2c3d";
    public const string ClusterGroup = "sg-0123456789abcdef0";
    public const string Topic = "arn:aws:sns:eu-west-1:123456789012:hsm-prod-alerts";

    public static StackOutputs Healthy(FakeAwsAccount account)
    {
        var slots = new Dictionary<Color, SlotOutputs>();
        foreach (var (color, cluster, password, admin) in new[]
        {
            (Color.Blue, "cluster-blue2345abcde", BluePassword, "i-0aaaaaaaaaaaaaaa1"),
            (Color.Green, "cluster-green345abcde", GreenPassword, "i-0aaaaaaaaaaaaaaa2"),
        })
        {
            account.AddCluster(new FakeCluster(cluster, "ACTIVE", null, ClusterGroup, [new($"hsm-{color.Key()}abcdefgh2", "eu-west-1a", "subnet-0aaa1111"), new($"hsm-{color.Key()}abcdefgh3", "eu-west-1b", "subnet-0bbb2222")]));
            account.AddBackup(new FakeBackup($"backup-{color.Key()}abcdefghij", cluster, "READY", AuditAccount.Now.AddHours(-20)));
            var secret = account.AddSecret($"hsm-prod-{color.Key()}-crypto-user", $"{{\"username\":\"app_cu\",\"password\":\"{password}\"}}");
            secret.LastChanged = AuditAccount.Now.AddDays(-10);
            account.AddManagedInstance(admin);
            slots[color] = new SlotOutputs(cluster, ClusterGroup, $"arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/hsm-prod-{color.Key()}/73e2d6bc24d8a067", $"hsm-prod-{color.Key()}-app", secret.Arn, admin);
        }

        account
            .AddSecurityGroup(new FakeSecurityGroup(ClusterGroup, Vpc, [new FakeIngress("tcp", 2223, 2225, [], ["sg-0c11e4700000000aa"])]))
            .AddSubnet(new FakeSubnet("subnet-0aaa1111", Vpc, "eu-west-1a"))
            .AddSubnet(new FakeSubnet("subnet-0bbb2222", Vpc, "eu-west-1b"))
            .AddRouteTable(new FakeRouteTable("rtb-0main", Vpc, true, [], [("10.0.0.0/16", "local"), ("0.0.0.0/0", "nat-0123456789abcdef0")]))
            .AddFlowLog(new FakeFlowLog("fl-0aaa", Vpc))
            .AddRule(new FakeRule("hsm-prod-destructive", "ENABLED", """{"source":["aws.cloudhsm"],"detail":{"eventName":["DeleteCluster","DeleteHsm","DeleteBackup","CopyBackupToRegion","PutResourcePolicy"]}}""", [Topic]))
            .AddTopic(Topic, new FakeSubscription("email", "ops@example.com", true))
            .AddTrail(new FakeTrail("org-trail", "us-east-1", true, true));
        account.CommandHost = _ => new FakeInvocation("Success", 0,
            """{"hsmRotate":1,"outcome":"succeeded","users":[{"username":"app_cu","role":"crypto-user","locked":"false","coverage":"full","mfa":false}]}""");
        return new StackOutputs("arn:alb", "arn:listener", "alb.example", slots);
    }

    public static AuditWiring Wiring(LoopbackAwsServer server, StackOutputs outputs)
    {
        var environment = server.Environment();
        var ports = AwsPorts.Create(new AwsSettings(name => environment.GetValueOrDefault(name), TimeProvider.System)
        {
            Credentials = new BasicAWSCredentials(LoopbackAwsServer.AccessKey, LoopbackAwsServer.SecretKey),
            Retry = new RetryPolicy(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), () => 0.5, (_, _) => Task.CompletedTask),
            CommandPolling = new CommandPolling(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), (_, _, _) => Task.CompletedTask),
        });
        return new AuditWiring(new AuditPorts(ports.AccountInventory, ports.ClusterControl, ports.HsmUserCommands), new OutputsOnly(outputs), () => LoopbackAwsServer.Region, ports);
    }
}
