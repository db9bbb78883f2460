#!/usr/bin/env bash
# Times, in one run and side by side, the Pulumi.yaml compiler command printing the prod program: the native
# command (infra/compile.sh running the NativeAOT program), today's JIT command (the same script with
# HSM_BLUE_GREEN_COMPILER=jit) and `dotnet run`, warm (nothing changed) and cold (after a source change); then
# `hsm-rotate plan --stack prod`, native vs JIT; and the peak memory (max RSS) of each program.
# Needs hyperfine and GNU time (Debian: apt-get install hyperfine time) and a C toolchain (clang or gcc).
# Writes the compiler section of bench/RESULTS.md; run from anywhere. RUNS (warm, default 20) and COLD_RUNS
# (default 3) set the number of measured runs.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 PULUMI_STACK=prod
unset PULUMI_CONFIG HSM_BLUE_GREEN_COMPILER
runs=${RUNS:-20}
cold_runs=${COLD_RUNS:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
project=infra/HsmBlueGreen.Infra
source=$project/Program.cs
native=$project/bin/native/HsmBlueGreen.Infra
dll=$project/bin/Debug/net10.0/HsmBlueGreen.Infra.dll
case "$(uname -m)" in aarch64 | arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac
rotate_native=src/HsmBlueGreen.Rotate/bin/Release/net10.0/$rid/publish/hsm-rotate
rotate_jit=src/HsmBlueGreen.Rotate/bin/Release/net10.0/hsm-rotate.dll
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# Bring every variant up to date once, so the warm runs measure the steady state.
sh infra/compile.sh >/dev/null
HSM_BLUE_GREEN_COMPILER=jit sh infra/compile.sh >/dev/null 2>&1
dotnet publish src/HsmBlueGreen.Rotate -c Release -r "$rid" -v quiet -nologo >/dev/null
dotnet build src/HsmBlueGreen.Rotate -c Release -v quiet -nologo >/dev/null
cmp -s <(sh infra/compile.sh) <(HSM_BLUE_GREEN_COMPILER=jit sh infra/compile.sh 2>/dev/null) \
  || { echo "the native and JIT programs print different prod programs" >&2; exit 1; }

hyperfine -N --runs "$runs" --warmup 2 --export-json "$out/warm.json" \
  -n "native: sh infra/compile.sh" "sh infra/compile.sh" \
  -n "JIT: HSM_BLUE_GREEN_COMPILER=jit sh infra/compile.sh" "env HSM_BLUE_GREEN_COMPILER=jit sh infra/compile.sh" \
  -n "dotnet run --project $project" "dotnet run --project $project --no-launch-profile" \
  -n "native program alone (floor)" "$native" \
  -n "dotnet <dll> alone (floor)" "dotnet $dll"

# Cold: a source change (its modification time) before every run, so each run rebuilds first.
hyperfine --runs "$cold_runs" --export-json "$out/cold.json" --prepare "touch $source" \
  -n "native: sh infra/compile.sh" "sh infra/compile.sh >/dev/null 2>&1" \
  -n "JIT: HSM_BLUE_GREEN_COMPILER=jit sh infra/compile.sh" "HSM_BLUE_GREEN_COMPILER=jit sh infra/compile.sh >/dev/null 2>&1" \
  -n "dotnet run --project $project" "dotnet run --project $project --no-launch-profile >/dev/null 2>&1"
sh infra/compile.sh >/dev/null 2>&1

hyperfine -N --runs "$runs" --warmup 2 --export-json "$out/plan.json" \
  -n "native: hsm-rotate plan --stack prod" "$rotate_native plan --stack prod" \
  -n "JIT: dotnet hsm-rotate.dll plan --stack prod" "dotnet $rotate_jit plan --stack prod"

# Peak memory: median max RSS over five runs of each program.
peak() {
  for _ in 1 2 3 4 5; do /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1; done | sort -n | sed -n 3p
}
{
  echo "infra program, prod (native)	$(peak "$native")"
  echo "infra program, prod (JIT)	$(peak dotnet "$dll")"
  echo "hsm-rotate plan --stack prod (native)	$(peak "$rotate_native" plan --stack prod)"
  echo "hsm-rotate plan --stack prod (JIT)	$(peak dotnet "$rotate_jit" plan --stack prod)"
} >"$out/memory.tsv"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$out" "$runs" "$cold_runs" "$load_before" "$load_after" "$(stat -c %s "$native")" "$(stat -c %s "$rotate_native")" <<'PY'
import json, sys, datetime, platform, os
out, runs, cold_runs, load_before, load_after, infra_size, rotate_size = sys.argv[1:]
def results(name):
    return json.load(open(os.path.join(out, name)))["results"]
def table(rows):
    lines = ["| command | median (s) | mean (s) | min (s) | max (s) |", "| --- | ---: | ---: | ---: | ---: |"]
    lines += [f"| `{r['command']}` | {r['median']:.3f} | {r['mean']:.3f} | {r['min']:.3f} | {r['max']:.3f} |" for r in rows]
    return lines
warm, cold, plan = results("warm.json"), results("cold.json"), results("plan.json")
w_native, w_jit, w_run = warm[0]["median"], warm[1]["median"], warm[2]["median"]
c_native, c_jit, c_run = cold[0]["median"], cold[1]["median"], cold[2]["median"]
p_native, p_jit = plan[0]["median"], plan[1]["median"]
memory = [line.rstrip("\n").split("\t") for line in open(os.path.join(out, "memory.tsv"))]
cpus = os.cpu_count()
lines = [
    "## Compiler command: time to print the prod program",
    "",
    f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC in one run of `bench/compiler.sh` with hyperfine: "
    f"warm {runs} runs after 2 warm-ups, cold {cold_runs} run(s) each; {cpus} CPUs ({platform.machine()}), load average {load_before} before "
    f"and {load_after} after (1, 5, 15 min): the machine was shared with other builds, so absolute figures are noisy and the "
    "ratios, measured side by side, are what to compare. `PULUMI_STACK=prod`, program read from Pulumi.prod.yaml. "
    "Re-run: `bench/compiler.sh` (needs hyperfine, GNU time and clang or gcc).",
    "",
    "**Warm** (nothing changed since the last build: every call Pulumi makes during one preview or up):",
    "",
    *table(warm),
    "",
    f"Native vs JIT command: {w_jit / w_native:.1f}x faster; vs `dotnet run`: {w_run / w_native:.1f}x faster. "
    "The native command is the script's staleness check (a `find` over infra/ and Core) plus the NativeAOT program; the JIT command "
    "is the same check plus `dotnet <dll>` of the Debug build `dotnet build` leaves (.NET start-up and JIT); `dotnet run` evaluates and checks the build on every call.",
    "",
    "**Cold** (a source's modification time changed just before each run, so each call first rebuilds: the first Pulumi call after an edit):",
    "",
    *table(cold),
    "",
    f"A source change costs the native command a NativeAOT publish ({c_native / c_jit:.1f}x the JIT command's `dotnet build`, "
    f"{c_native / c_run:.1f}x `dotnet run`'s build-and-run); every call after it is warm again.",
    "",
    "**hsm-rotate plan --stack prod** (offline plan, no cloud access; the JIT row is the Release build):",
    "",
    *table(plan),
    "",
    f"Native vs JIT: {p_jit / p_native:.1f}x faster.",
    "",
    "**Peak memory** (max RSS from GNU time, median of 5 runs):",
    "",
    "| program | peak RSS (MiB) |",
    "| --- | ---: |",
    *[f"| {name} | {int(kib) / 1024:.1f} |" for name, kib in memory],
    "",
    f"Sizes: native infra program {int(infra_size) / 1048576:.1f} MiB, native hsm-rotate {int(rotate_size) / 1048576:.1f} MiB (symbols stripped to a side file).",
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
