using System.Text.Json;
using System.Text.Json.Nodes;

namespace HsmBlueGreen.Aws.Tests.Support;

/// <summary>
/// The load balancer as seen from the admin host: a fake `curl` that routes by the test-route header (a rule whose
/// header value matches wins, otherwise the default action answers), prints curl's --write-out with the status, and
/// fails as curl does (exit 28, status 000) when the load balancer cannot be reached.
/// </summary>
internal sealed partial class FakeHsmHost
{
    private const string Curl = """
        #!/usr/bin/env python3
        import json, os, sys
        here = os.path.dirname(os.path.abspath(__file__))
        args = sys.argv[1:]
        with open(os.path.join(here, "curl.log"), "a") as log:
            log.write(json.dumps(args) + "\n")
        alb = json.load(open(os.path.join(here, "alb.json")))
        def opt(name):
            return args[args.index(name) + 1] if name in args else None
        header = opt("--header") or ""
        name, _, value = header.partition(": ")
        write_out = (opt("--write-out") or "").replace("\\n", "\n")
        if not alb["reachable"]:
            sys.stdout.write(write_out.replace("%{http_code}", "000"))
            sys.stderr.write("curl: (28) Connection timed out after 10001 milliseconds\n")
            sys.exit(28)
        rules = alb["rules"] if name == alb["headerName"] else {}
        status = rules.get(value, alb["defaultStatus"])
        sys.stdout.write(write_out.replace("%{http_code}", str(status)))
        """;

    /// <summary>The load balancer answers: <paramref name="rules"/> maps a test-route header value to its slot's status.</summary>
    public FakeHsmHost ServeLoadBalancer(string headerName, IReadOnlyDictionary<string, int> rules, int defaultStatus = 200, bool reachable = true)
    {
        Write("curl", Curl);
        var alb = new JsonObject
        {
            ["headerName"] = headerName,
            ["rules"] = JsonSerializer.SerializeToNode(rules),
            ["defaultStatus"] = defaultStatus,
            ["reachable"] = reachable,
        };
        File.WriteAllText(Path.Combine(directory, "alb.json"), alb.ToJsonString());
        return this;
    }

    /// <summary>Each curl call's argv.</summary>
    public IReadOnlyList<string> CurlCalls => Lines("curl.log");
}
