#!/usr/bin/env bash
# Times the Pulumi.yaml compiler command printing the prod program, beside the alternatives it was chosen
# from, warm (nothing changed since the last build), as Pulumi runs it on every preview and update.
# Needs hyperfine (Debian: apt-get install hyperfine). Writes bench/RESULTS.md; run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 PULUMI_STACK=prod
unset PULUMI_CONFIG
runs=${RUNS:-10}
json=$(mktemp)
trap 'rm -f "$json"' EXIT
project=infra/HsmBlueGreen.Infra
dll=$project/bin/Debug/net10.0/HsmBlueGreen.Infra.dll
compiler=$(sed -n 's/^ *compiler: *//p' Pulumi.yaml)

# Warm every variant once so each measures its steady state.
dotnet build "$project" -v quiet -nologo >/dev/null

hyperfine --runs "$runs" --warmup 1 --export-json "$json" \
  -n "Pulumi.yaml compiler: $compiler" "$compiler >/dev/null" \
  -n "dotnet run --project $project" "dotnet run --project $project --no-launch-profile >/dev/null" \
  -n "dotnet run --no-build" "dotnet run --no-build --project $project --no-launch-profile >/dev/null" \
  -n "dotnet build 1>&2 && dotnet <dll> (always build)" "sh -c 'dotnet build $project -v quiet -nologo 1>&2 && dotnet $dll' >/dev/null 2>&1" \
  -n "dotnet <prebuilt dll> (floor)" "dotnet $dll >/dev/null"

python3 - "$runs" "$json" <<'PY'
import json, sys, datetime, platform, os
runs = sys.argv[1]
data = json.load(open(sys.argv[2]))
lines = [
    "## Compiler command: time to print the prod program",
    "",
    f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC with hyperfine, {runs} runs after 1 warm-up, "
    f"{os.cpu_count()} CPUs ({platform.machine()}), shared with other builds (so expect noise). "
    "Warm means nothing changed since the last build, which is the case for every call Pulumi makes during one preview or up. "
    "`PULUMI_STACK=prod`, program read from Pulumi.prod.yaml. Re-run: `bench/compiler.sh` (needs hyperfine).",
    "",
    "| command | median (s) | mean (s) | min (s) | max (s) |",
    "| --- | ---: | ---: | ---: | ---: |",
]
for r in data["results"]:
    lines.append(f"| `{r['command']}` | {r['median']:.3f} | {r['mean']:.3f} | {r['min']:.3f} | {r['max']:.3f} |")
chosen, plain, nobuild = (data["results"][i]["median"] for i in range(3))
lines += [
    "",
    f"Choice: `sh infra/compile.sh` ({plain / chosen:.1f}x faster than `dotnet run` here). It runs the built assembly directly and "
    "calls `dotnet build` only when a source under infra/ or src/HsmBlueGreen.Core (or a Directory.*.props/global.json) is newer "
    "than the assembly, with all build output sent to stderr; `dotnet run` evaluates and checks the build on every call and can "
    "write build messages to stdout, which Pulumi would read as part of the program (checked with .NET 10: a compiler warning from the "
    "build `dotnet run` does first is printed on stdout ahead of the program). `dotnet run --no-build` still evaluates "
    f"the project on every call ({nobuild / chosen:.1f}x the chosen command here) and silently runs a stale build after an edit. "
    "The prebuilt-assembly row is the floor (the chosen command minus its staleness check); rows within a few hundred "
    "milliseconds of each other are within this machine's noise.",
]
section = "<!-- compiler:start -->\n" + "\n".join(lines) + "\n<!-- compiler:end -->\n"
path = "bench/RESULTS.md"
text = open(path).read() if os.path.exists(path) else ""
if "<!-- compiler:start -->" in text:
    head, rest = text.split("<!-- compiler:start -->", 1)
    text = head + section + rest.split("<!-- compiler:end -->\n", 1)[1]
else:
    text = text + ("\n" if text else "") + section
open(path, "w").write(text)
PY
echo "wrote bench/RESULTS.md (compiler section)"
