#!/usr/bin/env python3
"""Regenerates aws-models.json from Debian's python3-botocore (reads the installed package; downloads nothing).

Keeps only the operations HsmBlueGreen calls and the shapes they reach, with the botocore version noted.
Usage: /usr/bin/python3 extract-models.py > aws-models.json
"""
import gzip, json, os, sys

# Debian's package, not whatever botocore a virtualenv or pyenv puts first on sys.path.
sys.path.insert(0, "/usr/lib/python3/dist-packages")
import botocore  # noqa: E402

OPERATIONS = {
    "cloudhsmv2": ["DescribeClusters", "DescribeBackups"],
    "elbv2": ["DescribeListeners", "ModifyListener", "DescribeTargetHealth", "DescribeRules"],
    "secretsmanager": ["DescribeSecret", "GetSecretValue", "ListSecretVersionIds", "PutSecretValue", "UpdateSecretVersionStage",
                       "GetRandomPassword", "TagResource", "UntagResource"],
    "ssm": ["SendCommand", "GetCommandInvocation", "ListCommands"],
    "autoscaling": ["DescribeAutoScalingGroups", "SetDesiredCapacity"],
    "monitoring": ["GetMetricData"],
    "sts": ["GetCallerIdentity"],
    "ec2": ["DescribeSecurityGroups", "DescribeRouteTables", "DescribeSubnets", "DescribeFlowLogs"],
    "events": ["ListRules", "ListTargetsByRule"],
    "sns": ["ListSubscriptionsByTopic"],
    "cloudtrail": ["DescribeTrails", "GetTrailStatus"],
}
DIRS = {"monitoring": "cloudwatch"}
KEEP = ("type", "required", "members", "member", "key", "value", "enum", "pattern", "min", "max",
        "flattened", "locationName", "queryName", "timestampFormat", "exception", "error", "sensitive")


def load(service):
    root = os.path.join(os.path.dirname(botocore.__file__), "data", DIRS.get(service, service))
    version = sorted(os.listdir(root))[-1]
    path = os.path.join(root, version, "service-2.json")
    if os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    with gzip.open(path + ".gz") as f:
        return json.load(f)


def reach(model, name, seen):
    if name in seen:
        return
    seen.add(name)
    shape = model["shapes"][name]
    refs = list(shape.get("members", {}).values()) + [shape[k] for k in ("member", "key", "value") if k in shape]
    for ref in refs:
        reach(model, ref["shape"], seen)


def member_ref(ref):
    return {k: v for k, v in ref.items() if k in ("shape", "locationName", "queryName", "flattened", "location")}


def main():
    out = {"botocoreVersion": botocore.__version__, "source": "Debian python3-botocore, " + os.path.dirname(botocore.__file__), "services": {}}
    for service, ops in OPERATIONS.items():
        model = load(service)
        seen = set()
        operations = {}
        for op in ops:
            o = model["operations"][op]
            entry = {"http": o["http"]}
            for key in ("input", "output"):
                if key in o:
                    entry[key] = member_ref(o[key]) | ({"resultWrapper": o[key]["resultWrapper"]} if "resultWrapper" in o[key] else {})
                    reach(model, o[key]["shape"], seen)
            entry["errors"] = [e["shape"] for e in o.get("errors", [])]
            for e in entry["errors"]:
                reach(model, e, seen)
            operations[op] = entry
        shapes = {}
        for name in sorted(seen):
            shape = {k: v for k, v in model["shapes"][name].items() if k in KEEP}
            if "members" in shape:
                shape["members"] = {m: member_ref(r) for m, r in shape["members"].items()}
            for k in ("member", "key", "value"):
                if k in shape:
                    shape[k] = member_ref(shape[k])
            shapes[name] = shape
        meta = model["metadata"]
        out["services"][service] = {
            "metadata": {k: meta[k] for k in ("apiVersion", "endpointPrefix", "protocol", "signingName", "targetPrefix", "jsonVersion", "xmlNamespace") if k in meta},
            "operations": operations,
            "shapes": shapes,
        }
    json.dump(out, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


main()
