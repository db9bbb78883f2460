#!/bin/sh
# The compiler command of Pulumi.yaml (runtime.options.compiler): prints the Pulumi YAML program on stdout.
# Pulumi's YAML host runs it in the project directory, several times per preview/up, so it must be quick: it runs
# the infra program published with NativeAOT (tens of milliseconds a call, bench/RESULTS.md) and publishes it again
# only when a source is newer than the executable (a minute or more). All build output goes to stderr, which the
# host shows only when the command fails. Without a C toolchain for the native link it runs the JIT build (the
# Debug build `dotnet build` leaves) and says so in one stderr line; HSM_BLUE_GREEN_COMPILER=jit asks for it.
set -eu
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
project=infra/HsmBlueGreen.Infra
native=$project/bin/native/HsmBlueGreen.Infra
dll=$project/bin/Debug/net10.0/HsmBlueGreen.Infra.dll

# True when the build $1 is missing or a source of the infra program is newer than it.
stale() {
  [ ! -f "$1" ] && return 0
  [ -n "$(find "$project" src/HsmBlueGreen.Core Directory.Build.props Directory.Packages.props global.json \
      \( -path '*/bin' -o -path '*/obj' \) -prune -o -type f -newer "$1" -print | head -n 1)" ]
}

# The native link needs a C compiler driver (clang, else gcc) and objcopy to strip symbols.
toolchain() {
  { command -v clang || command -v gcc; } >/dev/null 2>&1 && { command -v objcopy || command -v llvm-objcopy; } >/dev/null 2>&1
}

# One build at a time when the host starts several calls at once; the lock is released before the program runs.
mkdir -p "$project/bin"
if command -v flock >/dev/null 2>&1; then
  exec 9>"$project/bin/compile.lock"
  flock 9
fi

if [ "${HSM_BLUE_GREEN_COMPILER:-native}" != jit ] && toolchain; then
  case "$(uname -m)" in
    aarch64 | arm64) rid=linux-arm64 ;;
    *) rid=linux-x64 ;;
  esac
  if stale "$native"; then
    # Its own artifacts folder, so the Release/RID restore and build never touch the Debug build's obj/.
    dotnet publish "$project" -c Release -r "$rid" -p:PublishAot=true --artifacts-path "$project/bin/aot" -o "$project/bin/native" -v quiet -nologo 1>&2 \
      || { echo "hsm-blue-green infra: the infra program does not publish (output above)" >&2; exit 1; }
    touch "$native"
  fi
  exec "$native" "$@" 9>&-
fi

if [ "${HSM_BLUE_GREEN_COMPILER:-native}" != jit ]; then
  echo "hsm-blue-green infra: no C toolchain for the NativeAOT link (clang or gcc, and objcopy), so running the JIT build (about 10x slower a call); to fix: apt-get install clang (or gcc libc6-dev)" >&2
fi
if stale "$dll"; then
  dotnet build "$project" -v quiet -nologo 1>&2 || { echo "hsm-blue-green infra: the infra program does not build (output above)" >&2; exit 1; }
  touch "$dll"
fi
exec dotnet "$dll" "$@" 9>&-
